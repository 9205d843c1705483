// SET-3, issue 13 item 1: the deployment's engine, chosen by configuration
// (TRANSLATION_ENGINE=apertium|libretranslate with TRANSLATION_URL, and TRANSLATION_API_KEY for
// LibreTranslate). With no engine configured translation is off and nothing else changes.
import type { AppConfig } from "@/server/config";
import { createApertiumEngine } from "./apertium-engine";
import { createLibreTranslateEngine } from "./libretranslate-engine";
import { DEFAULT_RESILIENCE, withResilience, type ResilientEngine } from "./resilient-engine";

export type TranslationConfig = Pick<AppConfig, "TRANSLATION_ENGINE" | "TRANSLATION_URL" | "TRANSLATION_API_KEY" | "TRANSLATION_TIMEOUT_MS">;

export function createTranslationEngine(config: TranslationConfig): ResilientEngine | null {
  if (!config.TRANSLATION_ENGINE || !config.TRANSLATION_URL) return null;
  const engine = config.TRANSLATION_ENGINE === "apertium" ? createApertiumEngine(config.TRANSLATION_URL) : createLibreTranslateEngine(config.TRANSLATION_URL, config.TRANSLATION_API_KEY);
  return withResilience(engine, { ...DEFAULT_RESILIENCE, timeoutMs: config.TRANSLATION_TIMEOUT_MS });
}
