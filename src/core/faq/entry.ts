// AUTO-3: what an FAQ entry is and which values it may hold; shared by the CSV import, the
// settings form and the integration API so all three refuse the same things with the same words.
import { unstorableTextReason } from "@/shared/zod-primitives";

export const FAQ_CATEGORIES = ["pre_purchase", "logistics", "after_sales"] as const;
export type FaqCategory = (typeof FAQ_CATEGORIES)[number];

export const FAQ_LIMITS = { id: 100, question: 500, alternative: 500, alternatives: 20, answer: 4000 } as const;
/** CSV ids: letters, digits and . _ - : (no spaces), starting with a letter or digit. */
export const FAQ_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export interface FaqEntryInput {
  externalId: string;
  category: FaqCategory;
  question: string;
  alternatives: string[];
  answer: string;
}

/** Every reason the entry cannot be stored, as sentences naming the CSV column; empty when fine. */
export function faqEntryProblems(entry: FaqEntryInput): string[] {
  const problems: string[] = [];
  if (!entry.externalId) problems.push("id is required.");
  else if (entry.externalId.length > FAQ_LIMITS.id) problems.push(`id must be at most ${FAQ_LIMITS.id} characters.`);
  else if (!FAQ_ID_PATTERN.test(entry.externalId)) problems.push("id may hold only letters, digits and . _ - : (no spaces).");
  if (!FAQ_CATEGORIES.includes(entry.category)) problems.push(`category must be one of ${FAQ_CATEGORIES.join(", ")}.`);
  if (!entry.question.trim()) problems.push("question is required.");
  else if (entry.question.length > FAQ_LIMITS.question) problems.push(`question must be at most ${FAQ_LIMITS.question} characters.`);
  if (!entry.answer.trim()) problems.push("answer is required.");
  else if (entry.answer.length > FAQ_LIMITS.answer) problems.push(`answer must be at most ${FAQ_LIMITS.answer} characters.`);
  if (entry.alternatives.length > FAQ_LIMITS.alternatives) problems.push(`at most ${FAQ_LIMITS.alternatives} alternatives.`);
  if (entry.alternatives.some((alternative) => alternative.length > FAQ_LIMITS.alternative)) problems.push(`each alternative must be at most ${FAQ_LIMITS.alternative} characters.`);
  if (entry.alternatives.some((alternative) => alternative.includes("|"))) problems.push("an alternative must not contain | (it separates alternatives).");
  for (const [field, value] of [["id", entry.externalId], ["question", entry.question], ["answer", entry.answer], ["alternatives", entry.alternatives.join(" ")]] as const) {
    const reason = unstorableTextReason(value);
    if (reason) problems.push(`${field}: ${reason}`);
  }
  return problems;
}
