"use client";

// AUTO-6: one template per order status, each on/off, with a live preview on a sample order.
// Lines whose variable has no value (no tracking number yet) are left out, in the preview too.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { PROACTIVE_RULES, type ProactiveStatus } from "@/core/automation/proactive";
import { renderTemplate, TEMPLATE_MAX_LENGTH } from "@/core/automation/template";
import { ZProactiveTemplatesSchema, type ProactiveTemplateDto } from "@/shared/automation";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, fieldError, type ApiError } from "../api";
import { FieldHint, Notice, SettingsSection, Switch, inputClass, labelClass, primaryButtonClass } from "../ui";
import { useErrorText } from "./error-text";
import { useTemplateFieldError, useTemplateProblem } from "./template-problem";

const SAMPLE = { order_id: "ORD-24017", carrier: "J&T Express", tracking_number: "JT0024017US", buyer: "Sam" };
const VARIABLES = { order_id: "{order_id}", carrier: "{carrier}", tracking_number: "{tracking_number}", eta: "{eta}", buyer: "{buyer}", shop: "{shop}" };

export function ProactiveForm({ initial, shopName }: { initial: ProactiveTemplateDto[]; shopName: string }) {
  const t = useTranslations("automation.proactive");
  const common = useTranslations("automation.common");
  const errorText = useErrorText();
  const problemOf = useTemplateProblem("proactive");
  const templateFieldError = useTemplateFieldError();
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
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: common("invalid"), fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<ProactiveTemplateDto[]>("/api/settings/automation/proactive", { method: "PUT", json: input });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setRows(result.data);
    setSaved(true);
  }

  // The sample's delivery date reads as the reader writes dates ("Fri, Dec 5").
  const values = { ...SAMPLE, shop: shopName, tracking_number: withTracking ? SAMPLE.tracking_number : null, eta: withTracking ? t("sampleEta") : null };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={withTracking} onChange={(event) => setWithTracking(event.target.checked)} />
        {t("previewWithTracking")}
      </label>
      {rows.map((row, index) => {
        const id = `proactive-${row.status}`;
        const live = problemOf(row.template, PROACTIVE_RULES);
        const serverError = fieldError(error, `templates.${index}.template`);
        const problem = serverError === undefined
          ? live ?? undefined
          : templateFieldError({ error: serverError, problem: live, template: row.template, enabled: row.enabled, empty: "writeMessage" });
        const preview = renderTemplate(row.template, values);
        const inline = t(`statuses.${row.status}.inline`);
        return (
          <SettingsSection key={row.status} title={t(`statuses.${row.status}.title`)} headingId={`${id}-heading`}
            description={t("statusDescription", { status: inline })}>
            <div className="flex items-center gap-3 text-sm">
              <Switch checked={row.enabled} label={t("sendWhen", { status: inline })} onChange={(enabled) => change(row.status, { enabled })} />
              <span>{row.enabled ? common("on") : common("off")}</span>
            </div>
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <div>
                <label htmlFor={`${id}-template`} className={labelClass}>{t("message")}</label>
                <textarea id={`${id}-template`} rows={4} maxLength={TEMPLATE_MAX_LENGTH} value={row.template}
                  onChange={(event) => change(row.status, { template: event.target.value })}
                  className={inputClass} aria-invalid={Boolean(problem)} aria-describedby={`${id}-hint`} />
                <FieldHint id={`${id}-hint`} error={problem}
                  hint={t.rich("variables", { ...VARIABLES, code: (chunks) => <code>{chunks}</code> })} />
              </div>
              <div>
                <p className={labelClass}>{common("preview")}</p>
                <p data-testid={`${id}-preview`} className="mt-1 whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-200">
                  {preview || <span className="text-slate-500">{common("nothingSent")}</span>}
                </p>
              </div>
            </div>
          </SettingsSection>
        );
      })}
      {error && !error.fieldErrors && <Notice tone="error">{errorText(error)}</Notice>}
      {saved && <Notice tone="success" testId="proactive-saved">{t("saved")}</Notice>}
      <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? common("saving") : t("save")}</button>
    </form>
  );
}
