"use client";

// AUTO-1: the greeting editor with a live preview. The preview uses the same renderer and the
// same validation as the server (src/core/automation, src/shared/automation), so what it shows
// is what the buyer gets and an unknown variable is named before saving.
import { useState, type FormEvent } from "react";
import { GREETING_RULES } from "@/core/automation/greeting";
import { renderTemplate, TEMPLATE_MAX_LENGTH, templateProblem } from "@/core/automation/template";
import { ZGreetingSettingsSchema, type GreetingSettingsDto } from "@/shared/automation";
import { zodFieldErrors } from "@/shared/validation";
import { callApi, fieldError, type ApiError } from "../api";
import { FieldHint, Notice, SettingsSection, Switch, inputClass, labelClass, primaryButtonClass } from "../ui";

/** A sample buyer for the preview. */
const PREVIEW_BUYER = "Sam";

export function GreetingForm({ initial, shopName }: { initial: GreetingSettingsDto; shopName: string }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [template, setTemplate] = useState(initial.template);
  const [repeatAfterHours, setRepeatAfterHours] = useState(String(initial.repeatAfterHours));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  const liveProblem = templateProblem(template, GREETING_RULES);
  const preview = renderTemplate(template, { buyer: PREVIEW_BUYER, shop: shopName });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { enabled, template, repeatAfterHours: repeatAfterHours.trim() === "" ? Number.NaN : Number(repeatAfterHours) };
    setSaved(false);
    const parsed = ZGreetingSettingsSchema.safeParse(input);
    if (!parsed.success) return setError({ code: "BAD_INPUT", message: "Some fields are not valid.", fieldErrors: zodFieldErrors(parsed.error) });
    setError(null);
    setIsSaving(true);
    const result = await callApi<GreetingSettingsDto>("/api/settings/automation/greeting", { method: "PUT", json: input });
    setIsSaving(false);
    if (!result.ok) return setError(result.error);
    setTemplate(result.data.template);
    setSaved(true);
  }

  const templateError = fieldError(error, "template") ?? liveProblem ?? undefined;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <SettingsSection title="Greeting" description="Sent automatically, as the shop, when a buyer starts a chat. It is never counted as an agent's reply.">
        <div className="flex items-center gap-3 text-sm">
          <Switch checked={enabled} label="Send a greeting" onChange={setEnabled} />
          <span>Send a greeting</span>
        </div>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div>
            <label htmlFor="greeting-template" className={labelClass}>Greeting message</label>
            <textarea id="greeting-template" name="template" rows={4} maxLength={TEMPLATE_MAX_LENGTH} value={template}
              onChange={(event) => { setTemplate(event.target.value); setSaved(false); }}
              className={inputClass} aria-invalid={Boolean(templateError)} aria-describedby="greeting-template-hint" />
            <FieldHint id="greeting-template-hint" error={templateError}
              hint={<>Variables: <code>{"{buyer}"}</code> the buyer&apos;s name, <code>{"{shop}"}</code> the shop&apos;s name. {template.length}/{TEMPLATE_MAX_LENGTH}</>} />
          </div>
          <div>
            <p className={labelClass}>Preview</p>
            <div className="mt-1 rounded-lg bg-slate-100 p-3">
              <p className="mb-1 text-xs text-slate-600">{shopName} <span className="text-slate-500">· automatic reply</span></p>
              <p data-testid="greeting-preview" className="whitespace-pre-wrap break-words rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-200">
                {preview || <span className="text-slate-500">Nothing would be sent.</span>}
              </p>
              <p className="mt-1 text-xs text-slate-500">As buyer &quot;{PREVIEW_BUYER}&quot; would see it.</p>
            </div>
          </div>
        </div>
        <div className="mt-4 max-w-xs">
          <label htmlFor="greeting-repeat" className={labelClass}>Greet a returning buyer again after (hours)</label>
          <input id="greeting-repeat" name="repeatAfterHours" type="number" min={0} max={720} step={1} value={repeatAfterHours}
            onChange={(event) => setRepeatAfterHours(event.target.value)}
            className={inputClass} aria-invalid={Boolean(fieldError(error, "repeatAfterHours"))} aria-describedby="greeting-repeat-hint" />
          <FieldHint id="greeting-repeat-hint" error={fieldError(error, "repeatAfterHours")}
            hint="A buyer who starts a new chat within this many hours of their last greeting is not greeted again. 0 greets every new chat. Default 24." />
        </div>
      </SettingsSection>
      {error && !error.fieldErrors && <Notice tone="error">{error.message}</Notice>}
      {saved && <Notice tone="success" testId="greeting-saved">Greeting saved.</Notice>}
      <button type="submit" className={primaryButtonClass} disabled={isSaving}>{isSaving ? "Saving…" : "Save greeting"}</button>
    </form>
  );
}
