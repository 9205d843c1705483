"use client";

// AUTO-3, AUTO-4, SET-6: the FAQ library in settings: search, create/edit/delete, CSV import
// (every bad row listed with its line number; nothing is written then) and export, and the
// shop's auto-send threshold. Managers change things; agents may read.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { FAQ_CATEGORIES, faqEntryIssues, type FaqCategory, type FaqIssue } from "@/core/faq/entry";
import type { AutoSendSettingsDto, FaqEntryDto } from "@/shared/faq-dto";
import { callApi, type ApiError } from "./api";
import { ConfirmDialog } from "./confirm-dialog";
import { Notice, SettingsSection, Switch, dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";
import { useErrorText } from "./automation/error-text";

type Category = FaqCategory;
/** A refused import's reasons by row (src/server/services/faq/import-errors.ts). */
type ImportRows = Array<{ line: number; issues: Array<Omit<FaqIssue, "message">> }>;
interface Draft { id: string; category: Category; question: string; alternatives: string; answer: string; isNew: boolean }
const EMPTY_DRAFT: Draft = { id: "", category: "pre_purchase", question: "", alternatives: "", answer: "", isNew: true };

/** A row's reasons in the reader's language (automation.faq.issues), joined as the server joins them. */
function useIssueText(): (issues: Array<Omit<FaqIssue, "message">>) => string {
  const t = useTranslations("automation.faq.issues");
  const reasons = useTranslations("automation.faq.unstorable");
  return useCallback((issues) => issues.map((issue) => {
    // Numbers as written (no grouping), as the server writes them.
    const values = Object.fromEntries(Object.entries(issue.values ?? {}).map(([key, value]) => [key, String(value)]));
    if (issue.code === "unstorable") return t("unstorable", { field: values.field ?? "", reason: reasons.has(values.reason ?? "") ? reasons(values.reason!) : "" });
    if (issue.code === "categoryInvalid" && values.found !== undefined) return t("categoryInvalidFound", values);
    return t(issue.code, values);
  }).join(" "), [t, reasons]);
}

export function FaqLibraryPanel(props: { canManage: boolean; canSetThreshold: boolean; initialSettings: AutoSendSettingsDto }) {
  const t = useTranslations("automation.faq");
  const common = useTranslations("automation.common");
  const locale = useLocale();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [entries, setEntries] = useState<FaqEntryDto[]>([]);
  const [total, setTotal] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [listError, setListError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftError, setDraftError] = useState<ApiError | null>(null);
  const [toDelete, setToDelete] = useState<FaqEntryDto | null>(null);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const [importNotice, setImportNotice] = useState<string | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const searchId = useId();
  const fileId = useId();

  const load = useCallback(async (query: string, after: string | null) => {
    const params = new URLSearchParams({ limit: "50", ...(query.trim() ? { search: query.trim() } : {}), ...(after ? { after } : {}) });
    const result = await callApi<{ entries: FaqEntryDto[]; nextCursor: string | null; total: number }>(`/api/faq?${params}`);
    if (!result.ok) {
      setListError(errorText(result.error));
      return;
    }
    setListError(null);
    setEntries((previous) => (after ? [...previous, ...result.data.entries] : result.data.entries));
    setNextCursor(result.data.nextCursor);
    setTotal(result.data.total);
  }, [errorText]);

  useEffect(() => {
    const timer = setTimeout(() => void load(search, null), 200);
    return () => clearTimeout(timer);
  }, [search, load]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const alternatives = draft.alternatives.split("\n").map((line) => line.trim()).filter(Boolean);
    const result = await callApi<{ entry: FaqEntryDto }>("/api/faq", {
      method: "POST", json: { id: draft.id, category: draft.category, question: draft.question, alternatives, answer: draft.answer },
    });
    if (!result.ok) {
      setDraftError(result.error);
      return;
    }
    setDraft(null);
    setDraftError(null);
    await load(search, null);
  }

  async function remove() {
    if (!toDelete) return;
    const result = await callApi(`/api/faq/${encodeURIComponent(toDelete.id)}`, { method: "DELETE" });
    setToDelete(null);
    if (!result.ok) setListError(errorText(result.error));
    await load(search, null);
  }

  async function importFile(file: File) {
    setIsImporting(true);
    setImportErrors(null);
    setImportNotice(null);
    const csv = await file.text();
    const result = await callApi<{ created: number; updated: number }>("/api/faq/csv", { method: "POST", json: { csv } });
    setIsImporting(false);
    if (!result.ok) {
      // English reads the server's lines as written; another language says them again by code.
      const rows = (result.error as ApiError & { rows?: ImportRows }).rows;
      if (locale !== "en" && rows) {
        setImportNotice(t("import.refused", { count: rows.length }));
        setImportErrors(rows.map((row) => (row.line > 0 ? t("import.line", { line: String(row.line), problems: issueText(row.issues) }) : issueText(row.issues))));
        return;
      }
      setImportNotice(errorText(result.error));
      setImportErrors(result.error.fieldErrors?.csv ?? []);
      return;
    }
    setImportNotice(t("import.done", { file: file.name, created: String(result.data.created), updated: String(result.data.updated) }));
    await load(search, null);
  }

  return (
    <>
      <AutoSendSettings canSet={props.canSetThreshold} initial={props.initialSettings} />

      <SettingsSection title={t("import.title")} headingId="section-import-and-export"
        description={t.rich("import.description", { header: "id,category,question,alternatives,answer", separator: " | ", code: (chunks) => <code>{chunks}</code> })}>
        <div className="flex flex-wrap items-center gap-3">
          {props.canManage && (
            <label htmlFor={fileId} className={secondaryButtonClass + " cursor-pointer"}>
              {isImporting ? t("import.importing") : t("import.importCsv")}
              <input id={fileId} type="file" accept=".csv,text/csv" className="sr-only" data-testid="faq-import-file" disabled={isImporting}
                onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ""; if (file) void importFile(file); }} />
            </label>
          )}
          <a href="/api/faq/csv" download="faq.csv" className={secondaryButtonClass}>{t("import.exportCsv")}</a>
        </div>
        {importNotice && (
          <div className="mt-3" data-testid="faq-import-result">
            <Notice tone={importErrors ? "error" : "success"}>
              <p>{importNotice}</p>
              {importErrors && importErrors.length > 0 && (
                <ul className="mt-2 list-disc pl-5" data-testid="faq-import-errors">
                  {importErrors.map((line) => <li key={line}>{line}</li>)}
                </ul>
              )}
            </Notice>
          </div>
        )}
      </SettingsSection>

      <SettingsSection title={t("entries.title", { total: String(total) })} headingId="section-entries">
        <div className="flex items-end gap-3">
          <div className="flex-1">
            <label htmlFor={searchId} className={labelClass}>{t("entries.search")}</label>
            <input id={searchId} type="search" className={inputClass} value={search} onChange={(event) => setSearch(event.target.value)} placeholder={t("entries.searchPlaceholder")} />
          </div>
          {props.canManage && <button type="button" className={primaryButtonClass} onClick={() => { setDraft(EMPTY_DRAFT); setDraftError(null); }}>{t("entries.new")}</button>}
        </div>
        {listError && <div className="mt-3"><Notice tone="error">{listError}</Notice></div>}
        {draft && <EntryForm draft={draft} error={draftError} onChange={setDraft} onSubmit={save} onCancel={() => setDraft(null)} />}
        <ul className="mt-4 divide-y divide-slate-200" data-testid="faq-entries">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3" data-testid="faq-entry">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{entry.question}</p>
                  <p className="text-xs text-slate-500">{entry.id} · {t(`categories.${entry.category}`)}{entry.alternatives.length ? t("entries.alternatives", { count: entry.alternatives.length, countText: String(entry.alternatives.length) }) : ""}</p>
                  <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{entry.answer}</p>
                </div>
                {props.canManage && (
                  <div className="flex shrink-0 gap-2">
                    <button type="button" className={secondaryButtonClass} onClick={() => { setDraft({ ...entry, alternatives: entry.alternatives.join("\n"), isNew: false }); setDraftError(null); }}>{common("edit")}</button>
                    <button type="button" className={dangerButtonClass} onClick={() => setToDelete(entry)}>{common("delete")}</button>
                  </div>
                )}
              </div>
            </li>
          ))}
          {entries.length === 0 && <li className="py-6 text-center text-sm text-slate-500">{search ? t("entries.noMatch") : t("entries.empty")}</li>}
        </ul>
        {nextCursor && <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={() => void load(search, nextCursor)}>{common("showMore")}</button>}
      </SettingsSection>

      <ConfirmDialog isOpen={toDelete !== null} title={t("delete.title")} confirmLabel={common("delete")} onConfirm={() => void remove()} onCancel={() => setToDelete(null)}>
        {t("delete.body", { question: toDelete?.question ?? "" })}
      </ConfirmDialog>
    </>
  );
}

function EntryForm(props: { draft: Draft; error: ApiError | null; onChange: (draft: Draft) => void; onSubmit: (event: FormEvent) => void; onCancel: () => void }) {
  const { draft } = props;
  const t = useTranslations("automation.faq");
  const common = useTranslations("automation.common");
  const locale = useLocale();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const base = useId();
  const set = (patch: Partial<Draft>) => props.onChange({ ...draft, ...patch });
  /** English as the server says it; another language names the draft's problems by code (the same rules, src/core/faq/entry.ts). */
  const errorSentence = (error: ApiError): string => {
    if (locale === "en") return `${error.message} ${Object.values(error.fieldErrors ?? {}).flat().join(" ")}`;
    const alternatives = draft.alternatives.split("\n").map((line) => line.trim()).filter(Boolean);
    const issues = faqEntryIssues({ externalId: draft.id.trim(), category: draft.category, question: draft.question, alternatives, answer: draft.answer });
    return issues.length > 0 ? issueText(issues) : errorText(error);
  };
  return (
    <form onSubmit={props.onSubmit} className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={draft.isNew ? t("form.newLabel") : t("form.editLabel")}>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={`${base}-id`} className={labelClass}>{t("form.id")}</label>
          <input id={`${base}-id`} className={inputClass} value={draft.id} disabled={!draft.isNew} onChange={(event) => set({ id: event.target.value })} required placeholder={t("form.idPlaceholder")} />
        </div>
        <div>
          <label htmlFor={`${base}-category`} className={labelClass}>{t("form.category")}</label>
          <select id={`${base}-category`} className={inputClass} value={draft.category} onChange={(event) => set({ category: event.target.value as Category })}>
            {FAQ_CATEGORIES.map((value) => <option key={value} value={value}>{t(`categories.${value}`)}</option>)}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={`${base}-question`} className={labelClass}>{t("form.question")}</label>
        <input id={`${base}-question`} className={inputClass} value={draft.question} onChange={(event) => set({ question: event.target.value })} required />
      </div>
      <div>
        <label htmlFor={`${base}-alternatives`} className={labelClass}>{t("form.alternatives")}</label>
        <textarea id={`${base}-alternatives`} rows={3} className={inputClass} value={draft.alternatives} onChange={(event) => set({ alternatives: event.target.value })} />
      </div>
      <div>
        <label htmlFor={`${base}-answer`} className={labelClass}>{t("form.answer")}</label>
        <textarea id={`${base}-answer`} rows={4} className={inputClass} value={draft.answer} onChange={(event) => set({ answer: event.target.value })} required />
      </div>
      {props.error && <Notice tone="error">{errorSentence(props.error)}</Notice>}
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass}>{common("save")}</button>
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel}>{common("cancel")}</button>
      </div>
    </form>
  );
}

function AutoSendSettings(props: { canSet: boolean; initial: AutoSendSettingsDto }) {
  const [threshold, setThreshold] = useState(props.initial.autoSendThreshold);
  const [draft, setDraft] = useState(String(props.initial.autoSendThreshold ?? props.initial.defaultThreshold));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const inputId = useId();
  const t = useTranslations("automation.faq.autoSend");
  const errorText = useErrorText();
  const locale = useLocale();
  /** A threshold as people write numbers here (0.85, 0,85). */
  const score = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 20, useGrouping: false }).format(value);

  async function store(next: number | null) {
    const result = await callApi<AutoSendSettingsDto>("/api/faq/settings", { method: "PUT", json: { autoSendThreshold: next } });
    if (!result.ok) {
      const fieldText = result.error.fieldErrors?.autoSendThreshold?.[0];
      setMessage({ tone: "error", text: fieldText !== undefined ? (locale === "en" ? fieldText : t("invalidThreshold")) : errorText(result.error) });
      return;
    }
    setThreshold(result.data.autoSendThreshold);
    setMessage({ tone: "success", text: result.data.autoSendThreshold === null ? t("off") : t("on", { threshold: score(result.data.autoSendThreshold) }) });
  }

  return (
    <SettingsSection title={t("title")} headingId="section-automatic-answers" description={t("description", { threshold: score(props.initial.defaultThreshold) })}>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <Switch checked={threshold !== null} label={t("switch")} disabled={!props.canSet}
            onChange={(on) => void store(on ? Number(draft) || props.initial.defaultThreshold : null)} />
          <span className="text-sm text-slate-700">{t("switch")}</span>
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={inputId} className="text-sm text-slate-700">{t("threshold")}</label>
          <input id={inputId} type="number" min={0.5} max={1} step={0.05} className={`${inputClass} mt-0 w-24`} value={draft} disabled={!props.canSet}
            onChange={(event) => setDraft(event.target.value)} />
          {props.canSet && <button type="button" className={secondaryButtonClass} onClick={() => void store(Number(draft))}>{t("save")}</button>}
        </div>
      </div>
      {message && <div className="mt-3"><Notice tone={message.tone}>{message.text}</Notice></div>}
    </SettingsSection>
  );
}
