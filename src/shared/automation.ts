// AUTO-1, AUTO-6: the automation settings' wire shapes, shared by the settings forms (live
// preview, field errors) and the routes and services that save them.
import { z } from "zod";
import { GREETING_RULES, MAX_GREETING_REPEAT_AFTER_HOURS } from "@/core/automation/greeting";
import { PROACTIVE_RULES, PROACTIVE_STATUSES, type ProactiveStatus } from "@/core/automation/proactive";
import { TEMPLATE_MAX_LENGTH, templateProblem, type TemplateRules } from "@/core/automation/template";
import { safeText } from "@/shared/zod-primitives";

/** A template text: storable, at most TEMPLATE_MAX_LENGTH characters, only the allowed variables. */
export function templateText(rules: TemplateRules) {
  return safeText()
    .trim()
    .max(TEMPLATE_MAX_LENGTH, `Use at most ${TEMPLATE_MAX_LENGTH.toLocaleString("en-US")} characters`)
    .superRefine((value, context) => {
      const problem = templateProblem(value, rules);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

export const ZGreetingTemplate = templateText(GREETING_RULES);

export const ZGreetingSettingsSchema = z
  .object({
    enabled: z.boolean(),
    template: ZGreetingTemplate,
    /** A returning buyer is greeted again only after this many hours; 0 = every new chat. */
    repeatAfterHours: z
      .number("Enter a whole number of hours")
      .int("Enter a whole number of hours")
      .min(0, "At least 0 hours")
      .max(MAX_GREETING_REPEAT_AFTER_HOURS, `At most ${MAX_GREETING_REPEAT_AFTER_HOURS} hours (30 days)`),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.enabled && value.template.length === 0) context.addIssue({ code: "custom", path: ["template"], message: "Write a greeting or switch it off" });
  });
export type TGreetingSettingsInput = z.input<typeof ZGreetingSettingsSchema>;

export const ZProactiveStatus = z.enum(PROACTIVE_STATUSES, "Use shipped, out_for_delivery, delayed or delivered");

export const ZProactiveTemplateSchema = z
  .object({ status: ZProactiveStatus, enabled: z.boolean(), template: templateText(PROACTIVE_RULES) })
  .strict()
  .superRefine((value, context) => {
    if (value.enabled && value.template.length === 0) context.addIssue({ code: "custom", path: ["template"], message: "Write a message or switch it off" });
  });

export const ZProactiveTemplatesSchema = z
  .object({ templates: z.array(ZProactiveTemplateSchema).min(1, "Send at least one template").max(PROACTIVE_STATUSES.length) })
  .strict()
  .superRefine((value, context) => {
    const statuses = value.templates.map((row) => row.status);
    if (new Set(statuses).size !== statuses.length) context.addIssue({ code: "custom", path: ["templates"], message: "Each status at most once" });
  });
export type TProactiveTemplatesInput = z.input<typeof ZProactiveTemplatesSchema>;

export interface GreetingSettingsDto {
  enabled: boolean;
  template: string;
  repeatAfterHours: number;
}

export interface ProactiveTemplateDto {
  status: ProactiveStatus;
  enabled: boolean;
  template: string;
}

/** One tool of the /settings/automation overview. */
export interface AutomationToolDto {
  id: "greeting" | "saved_replies" | "faq" | "recommendation" | "chatbot" | "proactive";
  name: string;
  description: string;
  /** What the overview shows: "On", "Off", "2 of 4 on", "Coming soon"... */
  state: string;
  /** The tool's own page; null while it is not built. */
  href: string | null;
}

export interface AutomationOverviewDto {
  greeting: GreetingSettingsDto;
  proactive: ProactiveTemplateDto[];
  autoSendThreshold: number | null;
  tools: AutomationToolDto[];
}
