"use client";

// AUTO-6: one template per order status, each on/off, with a live preview on a sample order.
// Lines whose variable has no value (no tracking number yet) are left out, in the preview too.
import { useState, type FormEvent } from "react";
import { PROACTIVE_RULES, PROACTIVE_STATUS_LABELS, type ProactiveStatus } from "@/core/automation/proactive";
import { renderTemplate, TEMPLATE_MAX_LENGTH, templateProblem } from "@/core/automation/template";
import { ZProactiveTemplatesSchema, type ProactiveTemplateDto } from "@/shared/automation";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, fieldError, type ApiError } from "../api";
import { FieldHint, Notice, SettingsSection, Switch, inputClass, labelClass, primaryButtonClass } from "../ui";

const SAMPLE = { order_id: "ORD-24017", carrier: "J&T Express", tracking_number: "JT0024017US", eta: "Fri, Dec 5", buyer: "Sam" };

export function ProactiveForm({ initial, shopName }: { initial: ProactiveTemplateDto[]; shopName: string }) {
  const [rows, setRows] = useState(initial);
  const [withTracking, setWithTracking] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const change = (status: ProactiveStatus, patch: Partial<ProactiveTemplateDto>) => {
    setSaved(false);
    setRows((current) => current.map((row) => (row.status === status ? { ...row, ...patch } : row)));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { templates: rows };
    setSaved(false);
    const parsed = ZProactiveTemplatesSchema.safeParse(input);
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<ProactiveTemplateDto[]>("/api/settings/automation/proactive", { method: "PUT", json: input });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setRows(result.data);
    setSaved(true);
  }

  const values = { ...SAMPLE, shop: shopName, tracking_number: withTracking ? SAMPLE.tracking_number : null, eta: withTracking ? SAMPLE.eta : null };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={withTracking} onChange={(event) => setWithTracking(event.target.checked)} />
        Preview with a tracking number and an expected delivery date
      </label>
      {rows.map((row, index) => {
        const id = `proactive-${row.status}`;
        const problem = fieldError(error, `templates.${index}.template`) ?? templateProblem(row.template, PROACTIVE_RULES) ?? undefined;
        const preview = renderTemplate(row.template, values);
        return (
          <SettingsSection key={row.status} title={PROACTIVE_STATUS_LABELS[row.status]} headingId={`${id}-heading`}
            description={`Sent to the buyer's chat when the integration API reports the order as ${PROACTIVE_STATUS_LABELS[row.status].toLowerCase()}.`}>
            <div className="flex items-center gap-3 text-sm">
              <Switch checked={row.enabled} label={`Send when ${PROACTIVE_STATUS_LABELS[row.status].toLowerCase()}`} onChange={(enabled) => change(row.status, { enabled })} />
              <span>{row.enabled ? "On" : "Off"}</span>
            </div>
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <div>
                <label htmlFor={`${id}-template`} className={labelClass}>Message</label>
                <textarea id={`${id}-template`} rows={4} maxLength={TEMPLATE_MAX_LENGTH} value={row.template}
                  onChange={(event) => change(row.status, { template: event.target.value })}
                  className={inputClass} aria-invalid={Boolean(problem)} aria-describedby={`${id}-hint`} />
                <FieldHint id={`${id}-hint`} error={problem}
                  hint={<>Variables: <code>{"{order_id}"}</code>, <code>{"{carrier}"}</code>, <code>{"{tracking_number}"}</code>, <code>{"{eta}"}</code>, <code>{"{buyer}"}</code>, <code>{"{shop}"}</code>. A line whose value is unknown is left out.</>} />
              </div>
              <div>
                <p className={labelClass}>Preview</p>
                <p data-testid={`${id}-preview`} className="mt-1 whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-200">
                  {preview || <span className="text-slate-500">Nothing would be sent.</span>}
                </p>
              </div>
            </div>
          </SettingsSection>
        );
      })}
      {error && !error.fieldErrors && <Notice tone="error">{error.message}</Notice>}
      {saved && <Notice tone="success" testId="proactive-saved">Order messages saved.</Notice>}
      <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? "Saving…" : "Save order messages"}</button>
    </form>
  );
}
