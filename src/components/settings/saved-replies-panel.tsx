"use client";

// AUTO-2: the saved-replies manager. Two tabs (Shop-wide, Personal), a typo-tolerant search
// (the same matching as the composer's `/`), a form to add or edit a reply, delete with a
// confirmation, and CSV export and import (each bad row of an import is listed by line).
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import type { SavedRepliesPageDto, SavedReplyDto, SavedReplyImportResultDto } from "@/shared/saved-replies";
import { callApi, fieldError, type ApiError } from "./api";
import { ConfirmDialog } from "./confirm-dialog";
import { useCursorPages } from "./use-cursor-pages";
import { useErrorText } from "./automation/error-text";
import { FieldHint, Notice, SettingsSection, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";

type Scope = "shop" | "personal";
interface Draft {
  id: string | null;
  shortcut: string;
  title: string;
  body: string;
}

const EMPTY: Draft = { id: null, shortcut: "", title: "", body: "" };

function pageUrl(scope: Scope, q: string, cursor: string | null): string {
  const params = new URLSearchParams({ scope });
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  return `/api/saved-replies?${params.toString()}`;
}

export function SavedRepliesPanel({ initialPage, canManageShop }: { initialPage: SavedRepliesPageDto; canManageShop: boolean }) {
  const [scope, setScope] = useState<Scope>("shop");
  const [query, setQuery] = useState("");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedReplyDto | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string; lines?: Array<[string, string[]]> } | null>(null);
  const ids = useId();
  const t = useTranslations("automation.savedReplies");
  const common = useTranslations("automation.common");
  const locale = useLocale();
  const errorText = useErrorText();
  const canEditHere = scope === "personal" || canManageShop;

  const pages = useCursorPages<SavedReplyDto>(initialPage, (text) => setMessage({ tone: "error", text }));
  const { items, setItems, nextCursor, appliedQuery, isLoading } = pages;
  const load = (nextScope: Scope, q: string, cursor: string | null) => pages.load(pageUrl(nextScope, q, cursor), q, cursor);

  function switchTo(next: Scope) {
    setScope(next);
    setDraft(null);
    setMessage(null);
    void load(next, appliedQuery, null);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    void load(scope, query.trim(), null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setIsSaving(true);
    setFormError(null);
    const fields = { shortcut: draft.shortcut, title: draft.title, body: draft.body };
    const result = draft.id
      ? await callApi<SavedReplyDto>(`/api/saved-replies/${draft.id}`, { method: "PATCH", json: fields })
      : await callApi<SavedReplyDto>("/api/saved-replies", { method: "POST", json: { scope, ...fields } });
    setIsSaving(false);
    if (!result.ok) {
      setFormError(result.error);
      return;
    }
    setDraft(null);
    setMessage({ tone: "success", text: t("saved", { shortcut: result.data.shortcut }) });
    await load(scope, appliedQuery, null);
  }

  async function confirmDelete() {
    if (!deleting) return;
    const result = await callApi<null>(`/api/saved-replies/${deleting.id}`, { method: "DELETE" });
    const shortcut = deleting.shortcut;
    setDeleting(null);
    if (!result.ok && result.error.code !== "NOT_FOUND") {
      setMessage({ tone: "error", text: errorText(result.error) });
      return;
    }
    setItems((previous) => previous.filter((item) => item.id !== deleting.id));
    setMessage({ tone: "success", text: t("deleted", { shortcut }) });
  }

  async function importFile(file: File) {
    setMessage(null);
    const csv = await file.text();
    const result = await callApi<SavedReplyImportResultDto>("/api/saved-replies/import", { method: "POST", json: { csv } });
    if (!result.ok) {
      // English as the server says it; in another language the summary by code (the row's reasons stay the server's).
      const text = locale !== "en" && result.error.code === "BAD_INPUT" ? t("import.refused") : errorText(result.error);
      setMessage({ tone: "error", text, lines: Object.entries(result.error.fieldErrors ?? {}) });
      return;
    }
    setMessage({ tone: "success", text: t("import.done", { created: String(result.data.created), updated: String(result.data.updated) }) });
    await load(scope, appliedQuery, null);
  }

  /** "line 3" (the server's key) as "Line 3:", in the reader's language. */
  const lineLabel = (key: string): string => {
    const number = /^line (\d+)$/.exec(key)?.[1];
    return number === undefined ? `${key[0]!.toUpperCase() + key.slice(1)}:` : t("import.line", { line: number });
  };

  const shortcutError = fieldError(formError, "shortcut");
  const titleError = fieldError(formError, "title");
  const bodyError = fieldError(formError, "body");

  return (
    <SettingsSection title={t("title")} headingId="saved-replies-heading"
      description={t("description")}>
      <div role="tablist" aria-label={t("scope")} className="flex gap-1 border-b border-slate-200">
        {(["shop", "personal"] as const).map((tab) => (
          <button key={tab} type="button" role="tab" aria-selected={scope === tab} onClick={() => switchTo(tab)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${scope === tab ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-700"}`}>
            {tab === "shop" ? t("shopWide") : t("personal")}
          </button>
        ))}
      </div>

      <div className="mt-4 flex flex-wrap items-end gap-2">
        <form role="search" onSubmit={search} className="flex min-w-0 flex-1 items-end gap-2">
          <label htmlFor={`${ids}-search`} className="sr-only">{t("searchLabel")}</label>
          <input id={`${ids}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={100}
            placeholder={t("searchPlaceholder")} className={inputClass} />
          <button type="submit" className={secondaryButtonClass} disabled={isLoading}>{common("search")}</button>
        </form>
        {canEditHere && <button type="button" className={primaryButtonClass} onClick={() => { setDraft({ ...EMPTY }); setFormError(null); }}>{t("new")}</button>}
        <a href="/api/saved-replies/export" className={secondaryButtonClass} download>{t("import.exportCsv")}</a>
        <label className={`${secondaryButtonClass} cursor-pointer`}>
          {t("import.importCsv")}
          <input type="file" accept=".csv,text/csv" className="sr-only" data-testid="saved-replies-import"
            onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ""; if (file) void importFile(file); }} />
        </label>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("import.hint", { header: "shortcut,title,body,scope" })}</p>

      {message && (
        <div className="mt-3">
          <Notice tone={message.tone} testId="saved-replies-message">
            {message.text}
            {message.lines && message.lines.length > 0 && (
              <ul className="mt-1 list-disc pl-5" data-testid="saved-replies-import-errors">
                {message.lines.map(([line, problems]) => <li key={line}><span className="font-medium">{lineLabel(line)}</span> {problems.join(" ")}</li>)}
              </ul>
            )}
          </Notice>
        </div>
      )}

      {draft && (
        <form onSubmit={save} className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={draft.id ? t("form.editLabel") : t("form.newLabel")}>
          <div className="grid grid-cols-3 gap-3">
            <div>
              <label htmlFor={`${ids}-shortcut`} className={labelClass}>{t("form.shortcut")}</label>
              <input id={`${ids}-shortcut`} value={draft.shortcut} onChange={(event) => setDraft({ ...draft, shortcut: event.target.value })} maxLength={40} required
                aria-invalid={Boolean(shortcutError)} aria-describedby={`${ids}-shortcut-hint`} className={inputClass} placeholder={t("form.shortcutPlaceholder")} />
              <FieldHint id={`${ids}-shortcut-hint`} error={shortcutError} hint={t("form.shortcutHint")} />
            </div>
            <div className="col-span-2">
              <label htmlFor={`${ids}-title`} className={labelClass}>{t("form.title")}</label>
              <input id={`${ids}-title`} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} maxLength={100} required
                aria-invalid={Boolean(titleError)} aria-describedby={`${ids}-title-hint`} className={inputClass} />
              <FieldHint id={`${ids}-title-hint`} error={titleError} />
            </div>
          </div>
          <div>
            <label htmlFor={`${ids}-body`} className={labelClass}>{t("form.body")}</label>
            <textarea id={`${ids}-body`} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} rows={4} required
              aria-invalid={Boolean(bodyError)} aria-describedby={`${ids}-body-hint`} className={inputClass} />
            <FieldHint id={`${ids}-body-hint`} error={bodyError} hint={t("form.bodyHint", { buyer: "{buyer}", agent: "{agent}", order_id: "{order_id}", shop: "{shop}" })} />
          </div>
          {formError && !shortcutError && !titleError && !bodyError && <Notice tone="error">{errorText(formError)}</Notice>}
          <div className="flex gap-2">
            <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? common("saving") : t("form.save")}</button>
            <button type="button" className={secondaryButtonClass} onClick={() => setDraft(null)}>{common("cancel")}</button>
          </div>
        </form>
      )}

      {items.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="saved-replies-empty">
          {appliedQuery ? t("noMatch", { query: appliedQuery }) : scope === "shop" ? t("emptyShop") : t("emptyPersonal")}
        </p>
      ) : (
        <table className="mt-4 w-full text-left text-sm" aria-labelledby="saved-replies-heading">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("form.shortcut")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("titleAndReply")}</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((reply) => (
              <tr key={reply.id} className="border-b border-slate-100 align-top last:border-0" data-testid="saved-reply-row">
                <td className="py-2.5 pr-3 font-mono text-slate-900">/{reply.shortcut}</td>
                <td className="py-2.5 pr-3">
                  <p className="font-medium text-slate-900">{reply.title}</p>
                  <p className="line-clamp-2 whitespace-pre-line break-words text-slate-600">{reply.body}</p>
                </td>
                <td className="whitespace-nowrap py-2.5 text-right">
                  {reply.canManage && (
                    <>
                      <button type="button" className={secondaryButtonClass} aria-label={t("editShortcut", { shortcut: reply.shortcut })}
                        onClick={() => { setDraft({ id: reply.id, shortcut: reply.shortcut, title: reply.title, body: reply.body }); setFormError(null); }}>{common("edit")}</button>
                      <button type="button" className={`${secondaryButtonClass} ml-2`} aria-label={t("deleteShortcut", { shortcut: reply.shortcut })} onClick={() => setDeleting(reply)}>{common("delete")}</button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" className={`${secondaryButtonClass} mt-4`} disabled={isLoading} onClick={() => void load(scope, appliedQuery, nextCursor)}>
          {isLoading ? common("loading") : common("showMore")}
        </button>
      )}
      <ConfirmDialog isOpen={deleting !== null} title={t("delete.title")} confirmLabel={common("delete")} onCancel={() => setDeleting(null)} onConfirm={() => void confirmDelete()}>
        {t("delete.body", { shortcut: deleting?.shortcut ?? "", title: deleting?.title ?? "", scope: deleting?.scope === "shop" ? "shop" : "personal" })}
      </ConfirmDialog>
    </SettingsSection>
  );
}
