// SET-3, issue 13 item 2: language detection offline, with eld (its n-gram data ships in the
// package; no download). eld's own reliability flag already marks "ok" and "hi" unreliable;
// src/core/translation/sticky-language.ts decides what a detection may change.
// eld does not tell Indonesian from Malay and names both "ms"; a shop that serves Indonesian
// buyers reads "ms" as "id" (the widget offers Indonesian, not Malay).
import { eld } from "eld/medium";
import type { LanguageDetection } from "@/core/translation/sticky-language";

const READ_AS: Readonly<Record<string, string>> = { ms: "id" };

export function detectLanguage(text: string): LanguageDetection {
  const result = eld.detect(text);
  if (!result.language) return { language: null, reliable: false };
  return { language: READ_AS[result.language] ?? result.language, reliable: result.isReliable() };
}
