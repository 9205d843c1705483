"use client";

// NF-5: the widget's words for what is not markup — the connection's notices, errors the server
// or the delivery client report — in the buyer's language, from the `widget` namespace.
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { DELIVERY_SENTENCE_KEYS } from "@/client/delivery/machine";
import { translateServerError } from "@/components/i18n/server-error-text";
import type { WidgetTexts } from "./widget-store";

export function useWidgetTexts(): WidgetTexts & { pendingError(message: string | null): string } {
  const t = useTranslations("widget");
  const locale = useLocale();
  return useMemo(() => {
    const serverError = (code: string | undefined, message: string): string => translateServerError(t, locale, { code, message }, "serverErrors") ?? message;
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
