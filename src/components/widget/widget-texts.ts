"use client";

// NF-5: the widget's words for what is not markup — the connection's notices, errors the server
// or the delivery client report — in the buyer's language, from the `widget` namespace.
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DELIVERY_SENTENCE_KEYS } from "@/client/delivery/machine";
import { DEFAULT_LOCALE } from "@/core/i18n/locale";
import type { WidgetTexts } from "./widget-store";

export function useWidgetTexts(): WidgetTexts & { pendingError(message: string | null): string } {
  const t = useTranslations("widget");
  const locale = useLocale();
  return useMemo(() => {
    // The server writes its reasons in English, more precisely than a code can say: English
    // buyers read them as sent, others read the code's sentence in their language.
    const serverError = (code: string | undefined, message: string): string => {
      if (locale === DEFAULT_LOCALE && message) return message;
      const key = `serverErrors.${code}`;
      return code && t.has(key) ? t(key) : message;
    };
    return {
      client: (key, values) => t(`client.${key}`, values),
      serverError,
      orderLabel: (number) => t("context.orderLabel", { number }),
      pendingError: (message) => {
        if (!message) return t("pending.notSent");
        const key = DELIVERY_SENTENCE_KEYS.get(message);
        // A refused send or upload keeps only the server's reason (the delivery state has no code
        // yet): shown as written rather than replaced by a vaguer sentence.
        return key ? t(`pending.${key}`) : message;
      },
    };
  }, [t, locale]);
}
