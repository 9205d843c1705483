"use client";

// NF-5: the chat window's words that are not markup, in the member's language (`chat`
// namespace): language names and the server's and the delivery client's error sentences.
// System notes: src/components/i18n/use-system-note-text.ts.
import { useCallback, useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DELIVERY_SENTENCE_KEYS } from "@/client/delivery/machine";
import { translateServerError } from "@/components/i18n/server-error-text";
import { languageName } from "@/shared/translation";

/** An error with a code (CommandError, a route's `{ error: { code, message } }`) or anything thrown. */
export interface CodedError {
  code?: string;
  message?: string;
}

export function useChatTexts() {
  const t = useTranslations("chat");
  const locale = useLocale();

  const language = useCallback((code: string) => (t.has(`languages.${code}`) ? t(`languages.${code}`) : languageName(code)), [t]);

  /** The delivery client's failure sentence (or the server's reason it kept) in the member's language. */
  const deliveryText = useCallback((message: string): string => {
    const key = DELIVERY_SENTENCE_KEYS.get(message);
    return key ? t(`errors.${key}`) : message;
  }, [t]);

  /** A server's or the delivery client's error (translateServerError; the code's sentences in `chat.errors.codes`). */
  const errorText = useCallback((error: CodedError | null | undefined, fallback: string): string => {
    const message = error?.message ? deliveryText(error.message) : error?.message;
    return translateServerError(t, locale, { code: error?.code, message }, "errors.codes") ?? fallback;
  }, [t, locale, deliveryText]);

  return useMemo(() => ({ language, errorText, deliveryText }), [language, errorText, deliveryText]);
}
