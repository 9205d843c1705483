"use client";

// NF-5: an API error as the reader's sentence (translateServerError, with the code's sentences
// in `automation.errors`).
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { translateServerError } from "@/components/i18n/server-error-text";

export function useErrorText(): (error: { code: string; message: string }) => string {
  const t = useTranslations("automation");
  const locale = useLocale();
  return useCallback((error) => translateServerError(t, locale, error, "errors") ?? error.message, [t, locale]);
}
