"use client";

// NF-5: the settings pages' error sentences in the member's language. The server (and the shared
// zod schemas the forms run first) write their reasons in English, more precisely than a code can
// say: English readers see them as sent; others read the known sentence's translation, else the
// error code's sentence, else the English text (an unknown reason is better shown than hidden).
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/core/i18n/locale";
import type { ApiError } from "./api";

type Values = Record<string, string>;
/** An English sentence (exact, or a pattern whose groups are the values) and its key. */
type Known = readonly [string | RegExp, string, ...string[]];

/** Whole sentences the settings routes answer with (`settings.errors.messages`). */
const KNOWN_MESSAGES: readonly Known[] = [
  ["The image is larger than 2 MB.", "imageTooLarge"],
  ["That member does not exist in this shop.", "memberNotFound"],
  ["That invitation does not exist.", "invitationNotFound"],
  ["Choose an image file.", "chooseImage"],
  ["The file is not a PNG, JPEG, WebP or GIF image.", "notAnImage"],
  ["This API token does not exist in this shop.", "apiTokenNotFound"],
  ["That buyer was not found.", "buyerNotFound"],
  ["That buyer is not blocked.", "buyerNotBlocked"],
  ["The shop owner's role cannot be changed.", "ownerRole"],
  ["The shop owner cannot be deleted.", "ownerDelete"],
  ["The shop owner cannot be deactivated.", "ownerDeactivate"],
  ["Only the shop owner can change the owner's settings.", "ownerSettings"],
  [/^A shop can have at most (\d+) active API tokens\. Revoke one you no longer use first\.$/, "tooManyTokens", "max"],
  ["This person has not accepted the invitation yet.", "notAccepted"],
  ["This invitation has already been accepted: manage the member in the team table.", "alreadyAccepted"],
  ["No nickname of this member is waiting for review.", "noNicknameReview"],
  ["The password is incorrect.", "passwordIncorrect"],
  ["Enter your current password.", "enterCurrentPassword"],
  ["Some query parameters are not valid.", "badQuery"],
];

/** Field sentences of the shared schemas (src/shared/team.ts, auth-schemas.ts): `settings.errors.fields`. */
const KNOWN_FIELD_MESSAGES: readonly Known[] = [
  ["Enter your current password", "enterCurrentPassword"],
  ["The passwords do not match", "passwordsDoNotMatch"],
  [/^Use at least (\d+) characters$/, "atLeastChars", "count"],
  [/^Use at most (\d+) characters$/, "atMostChars", "count"],
  ["Use letters, digits or symbols, not only spaces", "notOnlySpaces"],
  ["Do not use your email address in your password", "noEmailInPassword"],
  [/^Do not use "(.+)" from your email address in your password$/, "noLocalPartInPassword", "part"],
  ["Enter a valid email address", "validEmail"],
  ["A nickname cannot contain text-direction control characters", "nicknameBidi"],
  ["A nickname cannot contain control characters", "nicknameControl"],
  ["Enter a nickname", "enterNickname"],
  ["A nickname cannot contain @: buyers must never see an email address", "nicknameAt"],
  ["Choose a language from the list", "chooseLanguage"],
  ["Choose Admin or Agent", "chooseRole"],
  ["Enter a whole number", "wholeNumber"],
  ["Capacity is at least 1", "capacityMin"],
  [/^Capacity is at most (\d+)$/, "capacityMax", "max"],
  ["Change at least one field", "changeOneField"],
  ["Choose an assignment mode", "chooseAssignmentMode"],
  ["Enter an origin like https://shop.example (no path)", "originFormat"],
  [/^Use at most (\d+) origins$/, "atMostOrigins", "count"],
  ["Enter a whole number of minutes", "wholeMinutes"],
  ["At least 1 minute", "atLeastOneMinute"],
  ["Less than 24 hours (1439 minutes at most)", "lessThanDay"],
  ["At least 0", "atLeastZero"],
  ["At most 1", "atMostOne"],
  ["Enter a number from 0 to 1", "numberZeroToOne"],
  [/^Use at most (\d+) words$/, "atMostWords", "count"],
  [/^Use at most (\d+) characters per word$/, "atMostCharsPerWord", "count"],
  ["Words cannot be empty", "wordsNotEmpty"],
  ["Write what buyers read when no one is online", "writeOfflineMessage"],
  ["Use an image of 2 MB or less.", "imageSize"],
  ["Choose an image file", "avatarChoose"],
  ["Use an image of 2 MB or less", "avatarSize"],
  ["Use a PNG, JPEG, WebP or GIF image", "avatarType"],
  ["Give the token a name, e.g. the system that uses it.", "tokenName"],
  ["At most 80 characters.", "tokenNameLength"],
];

function match(known: readonly Known[], text: string): { key: string; values: Values } | null {
  for (const [sentence, key, ...names] of known) {
    if (typeof sentence === "string") {
      if (sentence === text) return { key, values: {} };
      continue;
    }
    const found = sentence.exec(text);
    if (found) return { key, values: Object.fromEntries(names.map((name, index) => [name, found[index + 1] ?? ""])) };
  }
  return null;
}

export interface ErrorTexts {
  /** The error's main sentence. */
  message(error: ApiError): string;
  /** A field's sentence (a zod message, from the form's own check or the server's). */
  field(text: string): string;
  /** The first sentence for a field, or undefined. */
  fieldOf(error: ApiError | null | undefined, field: string): string | undefined;
}

export function useErrorTexts(): ErrorTexts {
  const t = useTranslations("settings.errors");
  const locale = useLocale();
  return useMemo(() => {
    const isEnglish = locale === DEFAULT_LOCALE;
    const field = (text: string): string => {
      if (isEnglish) return text;
      const asField = match(KNOWN_FIELD_MESSAGES, text);
      if (asField) return t(`fields.${asField.key}`, asField.values);
      const asMessage = match(KNOWN_MESSAGES, text);
      return asMessage ? t(`messages.${asMessage.key}`, asMessage.values) : text;
    };
    const message = (error: ApiError): string => {
      if (isEnglish && error.message) return error.message;
      const known = match(KNOWN_MESSAGES, error.message);
      if (known) return t(`messages.${known.key}`, known.values);
      const codeKey = `codes.${error.code}`;
      return t.has(codeKey) ? t(codeKey) : error.message;
    };
    const fieldOf = (error: ApiError | null | undefined, name: string): string | undefined => {
      const text = error?.fieldErrors?.[name]?.[0];
      return text === undefined ? undefined : field(text);
    };
    return { message, field, fieldOf };
  }, [t, locale]);
}
