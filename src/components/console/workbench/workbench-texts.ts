"use client";

// NF-5: the workbench's error sentences in the member's language (`workbench` namespace).
import { useCallback } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/core/i18n/locale";
import { translateServerError } from "@/components/i18n/server-error-text";

/** What a failed read or send left: the route's code and English message, or no answer at all. */
export interface WorkbenchError {
  reason?: "unreachable" | "failed";
  code?: string;
  message?: string;
}

export function toWorkbenchError(caught: unknown): WorkbenchError {
  const error = caught as { reason?: WorkbenchError["reason"]; code?: unknown; message?: unknown } | null;
  return {
    reason: error?.reason,
    code: typeof error?.code === "string" ? error.code : undefined,
    message: typeof error?.message === "string" ? error.message : undefined,
  };
}

/** translateServerError, with the code's sentences in `workbench.errors`; the fallback when nothing is said. */
export function useWorkbenchErrorText(): (error: WorkbenchError | null, fallback: string) => string {
  const t = useTranslations("workbench");
  const locale = useLocale();
  return useCallback((error, fallback) => {
    if (error?.reason === "unreachable") return t("states.unreachable");
    return (error && translateServerError(t, locale, error, "errors")) ?? fallback;
  }, [t, locale]);
}

/** Money in the member's language ("$12.90", "12,90 US$"); an unknown currency as "12.90 XYZ". */
export function useFormatMoney(): (cents: number, currency: string) => string {
  const locale = useLocale();
  return useCallback((cents, currency) => {
    try {
      // English keeps the server's own formatting (src/shared/workbench.ts formatMoney).
      return new Intl.NumberFormat(locale === DEFAULT_LOCALE ? "en-US" : locale, { style: "currency", currency }).format(cents / 100);
    } catch {
      return `${(cents / 100).toFixed(2)} ${currency}`;
    }
  }, [locale]);
}

/** A date in the member's language, medium style ("Jan 5, 2025", "5 ene 2025"). */
export function useFormatDate(): (iso: string) => string {
  const locale = useLocale();
  return useCallback((iso) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)), [locale]);
}
