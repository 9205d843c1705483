// TEAM-1, issue 15 item 4: every password a person sets is checked here, on the server, whatever
// the form did. The basic rules are shared with the browser (basicPasswordProblems); the strength
// estimate uses zxcvbn-ts with its common and English dictionaries (shipped inside the packages,
// nothing is downloaded), so common passwords, keyboard walks, repeats, dates and the person's
// own email or nickname score low.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEnglish from "@zxcvbn-ts/language-en";
import { AppError } from "@/core/errors";
import { basicPasswordProblems } from "@/shared/auth-schemas";

/** zxcvbn's 0..4 scale; 3 is "safely unguessable" (about 10^8 to 10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

const ESTIMATED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;

function getEstimator(): ZxcvbnFactory {
  // Built on first use: loading the dictionaries takes a few hundred milliseconds.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEnglish.translations,
    // The estimate's cost grows quickly with length; past 64 characters a password is far beyond
    // any guessing budget, so only its first 64 are estimated.
    maxLength: ESTIMATED_LENGTH,
  });
  return estimator;
}

/** Problems with a new password; empty when it may be used. */
export function newPasswordProblems(password: string, context: { email: string; otherInputs?: readonly string[] }): string[] {
  const problems = basicPasswordProblems(password, context.email);
  if (problems.length > 0) return problems;
  const localPart = context.email.split("@")[0] ?? "";
  const userInputs = [context.email, localPart, "counterpart", ...(context.otherInputs ?? [])].filter((input) => input.length > 0);
  const result = getEstimator().check(password, userInputs);
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  const warning = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, "")}. ` : "";
  return [`This password is too easy to guess. ${warning}Add more words or characters that do not belong together.`];
}

/** Throws BAD_INPUT with the problems as the `password` field's errors. */
export function assertAcceptablePassword(password: string, context: { email: string; otherInputs?: readonly string[] }): void {
  const problems = newPasswordProblems(password, context);
  if (problems.length > 0) throw new AppError("BAD_INPUT", "Choose a stronger password.", { password: problems });
}
