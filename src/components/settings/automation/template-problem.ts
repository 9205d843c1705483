"use client";

// AUTO-1, AUTO-6: a template's problem (src/core/automation/template.ts) in the reader's language,
// and the field errors of the template forms picked by field, so the browser's own checks read in
// the same language as the rest of the page.
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { templateProblemOf, TEMPLATE_MAX_LENGTH, type TemplateRules } from "@/core/automation/template";

/** `form` names the catalog's block of "not here" reasons: automation.greeting or automation.proactive. */
export function useTemplateProblem(form: "greeting" | "proactive"): (template: string, rules: TemplateRules) => string | null {
  const t = useTranslations("automation.template");
  const reasons = useTranslations(`automation.${form}.notHere`);
  return useCallback((template, rules) => {
    const problem = templateProblemOf(template, rules);
    if (!problem) return null;
    if (problem.kind === "notHere" && reasons.has(problem.variable)) {
      return t("notHere", { variable: `{${problem.variable}}`, reason: reasons(problem.variable), allowed: problem.allowed });
    }
    return t("unknown", { variable: `{${problem.variable}}`, allowed: problem.allowed });
  }, [t, reasons]);
}

/**
 * The sentence for a template field's error: its variable problem, else the empty or too-long
 * rule the schema checks (src/shared/automation.ts), else the given text (a rule we have no
 * sentence for, e.g. unstorable characters).
 */
export function useTemplateFieldError() {
  const t = useTranslations("automation.template");
  return useCallback((input: { error: string | undefined; problem: string | null; template: string; enabled: boolean; empty: "writeGreeting" | "writeMessage" }): string | undefined => {
    if (input.problem) return input.problem;
    if (input.error === undefined) return undefined;
    if (input.enabled && input.template.trim().length === 0) return t(input.empty);
    if (input.template.trim().length > TEMPLATE_MAX_LENGTH) return t("tooLong", { max: TEMPLATE_MAX_LENGTH });
    return input.error;
  }, [t]);
}
