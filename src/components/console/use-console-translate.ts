"use client";

// NF-5: the `console` namespace as the pure helpers (console-text.ts, chat-list/format.ts) take it.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { ConsoleTranslate } from "./console-text";

export function useConsoleTranslate(): ConsoleTranslate {
  const t = useTranslations("console");
  return useMemo(() => Object.assign((key: string, values?: Record<string, string | number>) => t(key, values), { has: (key: string) => t.has(key) }), [t]);
}
