"use client";

// NF-5: an API error as the reader's sentence. Server errors carry English text; in English it is
// shown as written (it is the product's English), in another language a sentence picked by the
// error's code, falling back to the server's text for a code we have no sentence for.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export function useErrorText(): (error: { code: string; message: string }) => string {
  const t = useTranslations("automation.errors");
  const locale = useLocale();
  return useCallback((error) => (locale === "en" || !t.has(error.code) ? error.message : t(error.code)), [t, locale]);
}
