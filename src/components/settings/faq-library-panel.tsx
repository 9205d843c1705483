"use client";

// AUTO-3, AUTO-4, SET-6: the FAQ library in settings: search, create/edit/delete, CSV import
// (every bad row listed with its line number; nothing is written then) and export, and the
// shop's auto-send threshold. Managers change things; agents may read.
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import type { AutoSendSettingsDto, FaqEntryDto } from "@/shared/faq-dto";
import { callApi, type ApiError } from "./api";
import { ConfirmDialog } from "./confirm-dialog";
import { Notice, SettingsSection, Switch, dangerButtonClass, inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from "./ui";

const CATEGORY_LABELS = { pre_purchase: "Pre-purchase", logistics: "Logistics", after_sales: "After-sales" } as const;
type Category = keyof typeof CATEGORY_LABELS;
interface Draft { id: string; category: Category; question: string; alternatives: string; answer: string; isNew: boolean }
const EMPTY_DRAFT: Draft = { id: "", category: "pre_purchase", question: "", alternatives: "", answer: "", isNew: true };

export function FaqLibraryPanel(props: { canManage: boolean; canSetThreshold: boolean; initialSettings: AutoSendSettingsDto }) {
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
      setListError(result.error.message);
      return;
    }
    setListError(null);
    setEntries((previous) => (after ? [...previous, ...result.data.entries] : result.data.entries));
    setNextCursor(result.data.nextCursor);
    setTotal(result.data.total);
  }, []);

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
    if (!result.ok) setListError(result.error.message);
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
      setImportNotice(result.error.message);
      setImportErrors(result.error.fieldErrors?.csv ?? []);
      return;
    }
    setImportNotice(`Imported ${file.name}: ${result.data.created} new, ${result.data.updated} updated.`);
    await load(search, null);
  }

  return (
    <>
      <AutoSendSettings canSet={props.canSetThreshold} initial={props.initialSettings} />

      <SettingsSection title="Import and export" description={<>CSV with the header <code>id,category,question,alternatives,answer</code>; alternatives separated by <code> | </code>. Rows are matched by id: existing entries are updated, new ones added. If any row is wrong, nothing is imported.</>}>
        <div className="flex flex-wrap items-center gap-3">
          {props.canManage && (
            <label htmlFor={fileId} className={secondaryButtonClass + " cursor-pointer"}>
              {isImporting ? "Importing…" : "Import CSV"}
              <input id={fileId} type="file" accept=".csv,text/csv" className="sr-only" data-testid="faq-import-file" disabled={isImporting}
                onChange={(event) => { const file = event.target.files?.[0]; event.target.value = ""; if (file) void importFile(file); }} />
            </label>
          )}
          <a href="/api/faq/csv" download="faq.csv" className={secondaryButtonClass}>Export CSV</a>
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

      <SettingsSection title={`Entries (${total})`}>
        <div className="flex items-end gap-3">
          <div className="flex-1">
            <label htmlFor={searchId} className={labelClass}>Search</label>
            <input id={searchId} type="search" className={inputClass} value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Question, answer or id" />
          </div>
          {props.canManage && <button type="button" className={primaryButtonClass} onClick={() => { setDraft(EMPTY_DRAFT); setDraftError(null); }}>New entry</button>}
        </div>
        {listError && <div className="mt-3"><Notice tone="error">{listError}</Notice></div>}
        {draft && <EntryForm draft={draft} error={draftError} onChange={setDraft} onSubmit={save} onCancel={() => setDraft(null)} />}
        <ul className="mt-4 divide-y divide-slate-200" data-testid="faq-entries">
          {entries.map((entry) => (
            <li key={entry.id} className="py-3" data-testid="faq-entry">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">{entry.question}</p>
                  <p className="text-xs text-slate-500">{entry.id} · {CATEGORY_LABELS[entry.category]}{entry.alternatives.length ? ` · ${entry.alternatives.length} alternative${entry.alternatives.length === 1 ? "" : "s"}` : ""}</p>
                  <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{entry.answer}</p>
                </div>
                {props.canManage && (
                  <div className="flex shrink-0 gap-2">
                    <button type="button" className={secondaryButtonClass} onClick={() => { setDraft({ ...entry, alternatives: entry.alternatives.join("\n"), isNew: false }); setDraftError(null); }}>Edit</button>
                    <button type="button" className={dangerButtonClass} onClick={() => setToDelete(entry)}>Delete</button>
                  </div>
                )}
              </div>
            </li>
          ))}
          {entries.length === 0 && <li className="py-6 text-center text-sm text-slate-500">{search ? "No entry matches." : "No entries yet. Import a CSV or add one."}</li>}
        </ul>
        {nextCursor && <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={() => void load(search, nextCursor)}>Show more</button>}
      </SettingsSection>

      <ConfirmDialog isOpen={toDelete !== null} title="Delete this FAQ entry?" confirmLabel="Delete" onConfirm={() => void remove()} onCancel={() => setToDelete(null)}>
        {toDelete?.question} It is no longer recommended or sent automatically.
      </ConfirmDialog>
    </>
  );
}

function EntryForm(props: { draft: Draft; error: ApiError | null; onChange: (draft: Draft) => void; onSubmit: (event: FormEvent) => void; onCancel: () => void }) {
  const { draft } = props;
  const base = useId();
  const set = (patch: Partial<Draft>) => props.onChange({ ...draft, ...patch });
  return (
    <form onSubmit={props.onSubmit} className="mt-4 space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4" aria-label={draft.isNew ? "New FAQ entry" : "Edit FAQ entry"}>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={`${base}-id`} className={labelClass}>Id</label>
          <input id={`${base}-id`} className={inputClass} value={draft.id} disabled={!draft.isNew} onChange={(event) => set({ id: event.target.value })} required placeholder="shipping-time" />
        </div>
        <div>
          <label htmlFor={`${base}-category`} className={labelClass}>Category</label>
          <select id={`${base}-category`} className={inputClass} value={draft.category} onChange={(event) => set({ category: event.target.value as Category })}>
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={`${base}-question`} className={labelClass}>Question</label>
        <input id={`${base}-question`} className={inputClass} value={draft.question} onChange={(event) => set({ question: event.target.value })} required />
      </div>
      <div>
        <label htmlFor={`${base}-alternatives`} className={labelClass}>Other ways to ask (one per line)</label>
        <textarea id={`${base}-alternatives`} rows={3} className={inputClass} value={draft.alternatives} onChange={(event) => set({ alternatives: event.target.value })} />
      </div>
      <div>
        <label htmlFor={`${base}-answer`} className={labelClass}>Answer</label>
        <textarea id={`${base}-answer`} rows={4} className={inputClass} value={draft.answer} onChange={(event) => set({ answer: event.target.value })} required />
      </div>
      {props.error && <Notice tone="error">{props.error.message} {Object.values(props.error.fieldErrors ?? {}).flat().join(" ")}</Notice>}
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass}>Save</button>
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function AutoSendSettings(props: { canSet: boolean; initial: AutoSendSettingsDto }) {
  const [threshold, setThreshold] = useState(props.initial.autoSendThreshold);
  const [draft, setDraft] = useState(String(props.initial.autoSendThreshold ?? props.initial.defaultThreshold));
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const inputId = useId();

  async function store(next: number | null) {
    const result = await callApi<AutoSendSettingsDto>("/api/faq/settings", { method: "PUT", json: { autoSendThreshold: next } });
    if (!result.ok) {
      setMessage({ tone: "error", text: result.error.fieldErrors?.autoSendThreshold?.[0] ?? result.error.message });
      return;
    }
    setThreshold(result.data.autoSendThreshold);
    setMessage({ tone: "success", text: result.data.autoSendThreshold === null ? "Automatic answers are off." : `Answers scoring ${result.data.autoSendThreshold} or more are sent automatically.` });
  }

  return (
    <SettingsSection title="Automatic answers" description={<>When a buyer&apos;s question matches an entry with at least this score (0 to 1), its answer is sent at once, marked as automatic. Never for questions about the buyer&apos;s own order, requests for a person, or questions in another language than the library. Suggested: {props.initial.defaultThreshold}.</>}>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex items-center gap-2">
          <Switch checked={threshold !== null} label="Send answers automatically" disabled={!props.canSet}
            onChange={(on) => void store(on ? Number(draft) || props.initial.defaultThreshold : null)} />
          <span className="text-sm text-slate-700">Send answers automatically</span>
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={inputId} className="text-sm text-slate-700">Threshold</label>
          <input id={inputId} type="number" min={0.5} max={1} step={0.05} className={`${inputClass} mt-0 w-24`} value={draft} disabled={!props.canSet}
            onChange={(event) => setDraft(event.target.value)} />
          {props.canSet && <button type="button" className={secondaryButtonClass} onClick={() => void store(Number(draft))}>Save threshold</button>}
        </div>
      </div>
      {message && <div className="mt-3"><Notice tone={message.tone}>{message.text}</Notice></div>}
    </SettingsSection>
  );
}
