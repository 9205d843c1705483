"use client";

// AUTO-1: the greeting editor with a live preview. The preview uses the same renderer and the
// same validation as the server (src/core/automation, src/shared/automation), so what it shows
// is what the buyer gets and an unknown variable is named before saving.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { GREETING_RULES, MAX_GREETING_REPEAT_AFTER_HOURS } from "@/core/automation/greeting";
import { renderTemplate, TEMPLATE_MAX_LENGTH } from "@/core/automation/template";
import { ZGreetingSettingsSchema, type GreetingSettingsDto } from "@/shared/automation";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, fieldError, type ApiError } from "../api";
import { FieldHint, Notice, SettingsSection, Switch, inputClass, labelClass, primaryButtonClass } from "../ui";
import { useErrorText } from "./error-text";
import { useTemplateFieldError, useTemplateProblem } from "./template-problem";

/** A sample buyer for the preview. */
const PREVIEW_BUYER = "Sam";

export function GreetingForm({ initial, shopName }: { initial: GreetingSettingsDto; shopName: string }) {
  const t = useTranslations("automation.greeting");
  const common = useTranslations("automation.common");
  const errorText = useErrorText();
  const problemOf = useTemplateProblem("greeting");
  const templateFieldError = useTemplateFieldError();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [template, setTemplate] = useState(initial.template);
  const [repeatAfterHours, setRepeatAfterHours] = useState(String(initial.repeatAfterHours));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const liveProblem = problemOf(template, GREETING_RULES);
  const preview = renderTemplate(template, { buyer: PREVIEW_BUYER, shop: shopName });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { enabled, template, repeatAfterHours: repeatAfterHours.trim() === "" ? Number.NaN : Number(repeatAfterHours) };
    setSaved(false);
    const parsed = ZGreetingSettingsSchema.safeParse(input);
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: common("invalid"), fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<GreetingSettingsDto>("/api/settings/automation/greeting", { method: "PUT", json: input });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setTemplate(result.data.template);
    setSaved(true);
  }

  /** The hours field's error, by the rule it breaks (the schema's, src/shared/automation.ts). */
  function repeatError(): string | undefined {
    const text = fieldError(error, "repeatAfterHours");
    if (text === undefined) return undefined;
    const hours = repeatAfterHours.trim() === "" ? Number.NaN : Number(repeatAfterHours);
    if (!Number.isInteger(hours)) return t("errors.wholeHours");
    if (hours < 0) return t("errors.atLeastZero");
    if (hours > MAX_GREETING_REPEAT_AFTER_HOURS) return t("errors.atMost", { max: MAX_GREETING_REPEAT_AFTER_HOURS });
    return text;
  }

  const serverTemplateError = fieldError(error, "template");
  const templateError = serverTemplateError === undefined
    ? liveProblem ?? undefined
    : templateFieldError({ error: serverTemplateError, problem: liveProblem, template, enabled, empty: "writeGreeting" });
  const hoursError = repeatError();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <SettingsSection title={t("title")} headingId="section-greeting" description={t("description")}>
        <div className="flex items-center gap-3 text-sm">
          <Switch checked={enabled} label={t("send")} onChange={setEnabled} />
          <span>{t("send")}</span>
        </div>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div>
            <label htmlFor="greeting-template" className={labelClass}>{t("message")}</label>
            <textarea id="greeting-template" name="template" rows={4} maxLength={TEMPLATE_MAX_LENGTH} value={template}
              onChange={(event) => { setTemplate(event.target.value); setSaved(false); }}
              className={inputClass} aria-invalid={Boolean(templateError)} aria-describedby="greeting-template-hint" />
            <FieldHint id="greeting-template-hint" error={templateError}
              hint={t.rich("variables", { buyer: "{buyer}", shop: "{shop}", length: String(template.length), max: String(TEMPLATE_MAX_LENGTH), code: (chunks) => <code>{chunks}</code> })} />
          </div>
          <div>
            <p className={labelClass}>{common("preview")}</p>
            <div className="mt-1 rounded-lg bg-slate-100 p-3">
              <p className="mb-1 text-xs text-slate-600">{shopName} <span className="text-slate-500">{t("automaticReply")}</span></p>
              <p data-testid="greeting-preview" className="whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-200">
                {preview || <span className="text-slate-500">{common("nothingSent")}</span>}
              </p>
              <p className="mt-1 text-xs text-slate-500">{t("asBuyer", { buyer: PREVIEW_BUYER })}</p>
            </div>
          </div>
        </div>
        <div className="mt-4 max-w-xs">
          <label htmlFor="greeting-repeat" className={labelClass}>{t("repeatLabel")}</label>
          <input id="greeting-repeat" name="repeatAfterHours" type="number" min={0} max={720} step={1} value={repeatAfterHours}
            onChange={(event) => setRepeatAfterHours(event.target.value)}
            className={inputClass} aria-invalid={Boolean(hoursError)} aria-describedby="greeting-repeat-hint" />
          <FieldHint id="greeting-repeat-hint" error={hoursError} hint={t("repeatHint")} />
        </div>
      </SettingsSection>
      {error && !error.fieldErrors && <Notice tone="error">{errorText(error)}</Notice>}
      {saved && <Notice tone="success" testId="greeting-saved">{t("saved")}</Notice>}
      <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? common("saving") : t("save")}</button>
    </form>
  );
}
