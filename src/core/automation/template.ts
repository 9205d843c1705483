// AUTO-1, AUTO-6: message templates with {variables}, shared by the greeting and the proactive
// order messages, by the settings form's live preview and by the server that sends them.
//
// Syntax: `{name}` (lower-case letters, digits and underscores, starting with a letter) is a
// variable; every other brace is plain text. Rendering is one pass over the template, so a value
// that itself contains "{buyer}" is never expanded again.
//
// A variable whose value is missing (null, undefined or blank, e.g. an order without a tracking
// number) removes the whole line it stands on: "Tracking: {tracking_number}" disappears instead of
// reading "Tracking: ". Templates are written one fact per line for this reason.

/** A `{name}` placeholder. Capital letters are matched too, so `{Buyer}` is reported, not sent. */
const VARIABLE = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export const TEMPLATE_MAX_LENGTH = 1000;

export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

/** The variable names a template uses, in order of first use, without duplicates. */
export function variablesIn(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((match) => match[1]!))];
}

export interface TemplateRules {
  /** The variables this template may use. */
  allowed: readonly string[];
  /** A better message for a variable that is known elsewhere but not here ({agent} in a greeting). */
  notHere?: Readonly<Record<string, string>>;
}

/**
 * What is wrong with a template, as data for a phrase in the reader's language: the first
 * unknown variable, whether it is one known elsewhere but not here (`notHere`), and the allowed
 * variables as `{a}, {b}`. Null when every variable is allowed.
 */
export type TemplateProblem = { kind: "unknown" | "notHere"; variable: string; allowed: string };

export function templateProblemOf(template: string, rules: TemplateRules): TemplateProblem | null {
  const unknown = variablesIn(template).find((name) => !rules.allowed.includes(name));
  if (unknown === undefined) return null;
  const allowed = rules.allowed.map((name) => `{${name}}`).join(", ");
  return { kind: rules.notHere?.[unknown] ? "notHere" : "unknown", variable: unknown, allowed };
}

/**
 * Why a template cannot be saved, or null when it can: every variable must be one of the
 * allowed ones. The message names the first unknown variable and lists the allowed ones.
 */
export function templateProblem(template: string, rules: TemplateRules): string | null {
  const problem = templateProblemOf(template, rules);
  if (!problem) return null;
  const reason = rules.notHere?.[problem.variable];
  return reason ? `{${problem.variable}} cannot be used here: ${reason} Use ${problem.allowed}.` : `Unknown variable {${problem.variable}}. Use ${problem.allowed}.`;
}

const isMissing = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim().length === 0;

/**
 * Fills the template. Lines naming a variable with a missing value are dropped; an unknown
 * variable (only possible for a template saved before a rule changed) is dropped the same way,
 * so a buyer never sees a raw placeholder. The result is trimmed; it may be empty.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const lines = template.split("\n").flatMap((line) => {
    const names = [...line.matchAll(VARIABLE)].map((match) => match[1]!);
    if (names.some((name) => !Object.hasOwn(values, name) || isMissing(values[name]))) return [];
    return [line.replace(VARIABLE, (_whole, name: string) => values[name]!.trim())];
  });
  return lines.join("\n").trim();
}
