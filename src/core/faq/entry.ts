// AUTO-3: what an FAQ entry is and which values it may hold; shared by the CSV import, the
// settings form and the integration API so all three refuse the same things with the same words.
import { TEXT_MESSAGES, unstorableTextReason } from "@/shared/zod-primitives";

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

/**
 * One reason an entry (or a CSV row) cannot be stored: a code and its values, for a sentence in
 * the reader's language, and the English sentence the API has always answered with.
 */
export type FaqIssueCode =
  | "idRequired" | "idTooLong" | "idPattern" | "categoryInvalid" | "questionRequired" | "questionTooLong"
  | "answerRequired" | "answerTooLong" | "tooManyAlternatives" | "alternativeTooLong" | "alternativePipe" | "unstorable"
  | "notCsv" | "emptyFile" | "badHeader" | "tooManyRows" | "fieldCount" | "duplicateId";

export interface FaqIssue {
  code: FaqIssueCode;
  values?: Record<string, string | number>;
  message: string;
}

/** Which of TEXT_MESSAGES a reason is (nul, surrogate, control), for the `unstorable` issue. */
function unstorableKind(reason: string): string {
  return Object.entries(TEXT_MESSAGES).find(([, text]) => text === reason)?.[0] ?? "other";
}

/** Every reason the entry cannot be stored, with its code; empty when fine. */
export function faqEntryIssues(entry: FaqEntryInput): FaqIssue[] {
  const issues: FaqIssue[] = [];
  const add = (code: FaqIssueCode, message: string, values?: FaqIssue["values"]) => issues.push(values ? { code, values, message } : { code, message });
  if (!entry.externalId) add("idRequired", "id is required.");
  else if (entry.externalId.length > FAQ_LIMITS.id) add("idTooLong", `id must be at most ${FAQ_LIMITS.id} characters.`, { max: FAQ_LIMITS.id });
  else if (!FAQ_ID_PATTERN.test(entry.externalId)) add("idPattern", "id may hold only letters, digits and . _ - : (no spaces).");
  if (!FAQ_CATEGORIES.includes(entry.category)) add("categoryInvalid", `category must be one of ${FAQ_CATEGORIES.join(", ")}.`, { allowed: FAQ_CATEGORIES.join(", ") });
  if (!entry.question.trim()) add("questionRequired", "question is required.");
  else if (entry.question.length > FAQ_LIMITS.question) add("questionTooLong", `question must be at most ${FAQ_LIMITS.question} characters.`, { max: FAQ_LIMITS.question });
  if (!entry.answer.trim()) add("answerRequired", "answer is required.");
  else if (entry.answer.length > FAQ_LIMITS.answer) add("answerTooLong", `answer must be at most ${FAQ_LIMITS.answer} characters.`, { max: FAQ_LIMITS.answer });
  if (entry.alternatives.length > FAQ_LIMITS.alternatives) add("tooManyAlternatives", `at most ${FAQ_LIMITS.alternatives} alternatives.`, { max: FAQ_LIMITS.alternatives });
  if (entry.alternatives.some((alternative) => alternative.length > FAQ_LIMITS.alternative)) add("alternativeTooLong", `each alternative must be at most ${FAQ_LIMITS.alternative} characters.`, { max: FAQ_LIMITS.alternative });
  if (entry.alternatives.some((alternative) => alternative.includes("|"))) add("alternativePipe", "an alternative must not contain | (it separates alternatives).");
  for (const [field, value] of [["id", entry.externalId], ["question", entry.question], ["answer", entry.answer], ["alternatives", entry.alternatives.join(" ")]] as const) {
    const reason = unstorableTextReason(value);
    if (reason) add("unstorable", `${field}: ${reason}`, { field, reason: unstorableKind(reason) });
  }
  return issues;
}

/** Every reason the entry cannot be stored, as sentences naming the CSV column; empty when fine. */
export function faqEntryProblems(entry: FaqEntryInput): string[] {
  return faqEntryIssues(entry).map((issue) => issue.message);
}
