"use client";

// NF-5: the account pages' validation and server sentences in the page's language. The zod
// schemas (src/shared/sign-up.ts, auth-schemas.ts, team.ts, password-reset.ts) and the server
// speak English, and the server's JSON stays as it is; the forms look each sentence up here, by
// the exact English text the schema or service emits (a field error has no other code), and show
// the catalog's sentence (messages/<locale>/account.json). A sentence not listed here is shown as
// the server wrote it.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export interface AccountPhrase {
  /** A key under the `account` namespace. */
  key: string;
  values?: Record<string, string | number>;
}

const EXACT: Record<string, string> = {
  "Enter a valid email address": "fieldErrors.emailInvalid",
  "Enter your password": "fieldErrors.enterYourPassword",
  "Enter a password": "fieldErrors.enterAPassword",
  "Enter your shop's name": "fieldErrors.enterShopName",
  "Choose a currency from the list (an ISO 4217 code such as USD)": "fieldErrors.currencyFromList",
  "Choose a time zone from the list (an IANA name such as Europe/Berlin)": "fieldErrors.timeZoneFromList",
  "Choose a language from the list": "fieldErrors.languageFromListPlain",
  "The passwords do not match": "fieldErrors.passwordsDoNotMatch",
  "Use letters, digits or symbols, not only spaces": "fieldErrors.notOnlySpaces",
  "Do not use your email address in your password": "fieldErrors.noEmailInPassword",
  "Enter a nickname": "fieldErrors.enterNickname",
  "A nickname cannot contain text-direction control characters": "fieldErrors.nicknameBidi",
  "A nickname cannot contain control characters": "fieldErrors.nicknameControl",
  "A nickname cannot contain @: buyers must never see an email address": "fieldErrors.nicknameAt",
  "Enter the password of your Counterpart account": "fieldErrors.enterAccountPassword",
  "The password is incorrect": "fieldErrors.passwordIncorrect",
  "The email or password is incorrect": "fieldErrors.credentialsIncorrect",
  "Must not contain the NUL character (\\u0000).": "fieldErrors.textNul",
  "Must be valid Unicode text (it holds half of a character).": "fieldErrors.textSurrogate",
  "Must not contain control characters such as line breaks or tabs.": "fieldErrors.textControl",
  "Could not reach the server. Check your connection and try again.": "serverErrors.network",
  "Something went wrong on our side. Nothing was changed.": "serverErrors.internal",
  "Some fields are not valid.": "serverErrors.someFieldsInvalid",
  "Choose a stronger password.": "serverErrors.strongerPassword",
  "The email or password is incorrect. If this email already has a Counterpart account, enter that account's password to add the new shop to it.": "serverErrors.existingAccount",
  "Sign-up is turned off on this server. Ask the operator for an invitation.": "serverErrors.signUpDisabled",
  "If an account uses that email, we sent it a link to set a new password. The link works once, for 30 minutes.": "serverErrors.resetRequested",
  "This link to set a new password does not work: it was used already, it expired (links work for 30 minutes), or a newer one was sent. Ask for a new link.": "serverErrors.resetLinkInvalid",
  "Enter your current password.": "serverErrors.enterCurrentPassword",
  "The password is incorrect.": "serverErrors.passwordIncorrect",
  "You are already a member of this shop. Sign in with your email and password.": "serverErrors.alreadyMember",
  "This invitation was just accepted in another window. Sign in with your email and password.": "serverErrors.acceptedElsewhere",
  "This invitation link is not valid. It may have been replaced by a newer invitation email (use the most recent one), or it was copied incompletely.": "serverErrors.invitationInvalid",
  "This invitation was revoked by the shop. Ask the shop owner to invite you again.": "serverErrors.invitationRevoked",
  "This invitation link has already been used. Sign in with your email and password.": "serverErrors.invitationUsed",
  "This invitation link has expired: links are valid for 120 hours. Ask the shop owner to send you a new one.": "serverErrors.invitationExpired",
  "This verification link is not valid. Send a new one from the console's banner.": "serverErrors.verificationInvalid",
  "This verification link was already used.": "serverErrors.verificationUsed",
  "This verification link has expired. Send a new one from the console's banner.": "serverErrors.verificationExpired",
  "This link was sent to an address the account no longer uses.": "serverErrors.verificationSuperseded",
  "A verification email was sent less than a minute ago. Check your inbox (and spam folder), then try again.": "serverErrors.verificationTooSoon",
  "Your email address is already verified.": "serverErrors.alreadyVerified",
  "The request body must be JSON.": "serverErrors.bodyNotJson",
};

type Pattern = [RegExp, string, (match: RegExpExecArray, locale: string) => Record<string, string | number>];

const PATTERNS: Pattern[] = [
  [/^Use at most (\d+) characters$/, "fieldErrors.tooLong", (m) => ({ max: Number(m[1]) })],
  [/^Use at least (\d+) characters$/, "fieldErrors.tooShort", (m) => ({ min: Number(m[1]) })],
  [/^Choose a language from the list \((.+)\)$/, "fieldErrors.languageFromList", (m) => ({ languages: m[1]! })],
  [/^Do not use "(.+)" from your email address in your password$/, "fieldErrors.noLocalPartInPassword", (m) => ({ part: m[1]! })],
  // The middle is the strength estimator's English warning: kept in English, left out elsewhere.
  [/^This password is too easy to guess\. (.*)Add more words or characters that do not belong together\.$/, "fieldErrors.tooEasyToGuess", (m, locale) => ({ warning: locale === "en" ? m[1]! : "" })],
  [/^You already own a shop called (.+)\. Sign in to open it, or choose another name\.$/, "fieldErrors.alreadyOwnShop", (m) => ({ shop: m[1]! })],
  [/^Too many attempts\. Try again in (\d+) minutes\.$/, "serverErrors.tooManyAttempts", (m) => ({ minutes: Number(m[1]) })],
  [/^Too many password-reset requests\. Try again in (\d+) minutes?\.$/, "serverErrors.tooManyResetRequests", (m) => ({ minutes: Number(m[1]) })],
];

/** The catalog phrase for an English sentence of the account schemas or services, or null. */
export function accountPhrase(text: string, locale: string): AccountPhrase | null {
  const exact = EXACT[text];
  if (exact) return { key: exact };
  for (const [pattern, key, values] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { key, values: values(match, locale) };
  }
  return null;
}

/** Translates a schema's or the server's English sentence; unknown sentences pass through. */
export function useAccountText(): (text: string | null | undefined) => string | undefined {
  const t = useTranslations("account");
  const locale = useLocale();
  return useCallback(
    (text: string | null | undefined) => {
      if (text === null || text === undefined) return undefined;
      const phrase = accountPhrase(text, locale);
      return phrase ? t(phrase.key as never, phrase.values as never) : text;
    },
    [t, locale],
  );
}

/** next-auth's sign-in error code in the page's language ("rate_limited:N" carries minutes). */
export function useSignInErrorText(): (code: string | null | undefined) => string | null {
  const t = useTranslations("account.signInErrors");
  return useCallback(
    (code: string | null | undefined) => {
      if (!code) return null;
      const limited = /^rate_limited:(\d{1,4})$/.exec(code);
      if (limited) return t("rateLimitedFor", { minutes: Number(limited[1]) });
      const known = ["invalid_credentials", "deactivated", "no_shop", "rate_limited"] as const;
      return t((known as readonly string[]).includes(code) ? (code as (typeof known)[number]) : "invalid_credentials");
    },
    [t],
  );
}
