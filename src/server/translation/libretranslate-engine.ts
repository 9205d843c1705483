// SET-3, issue 13 item 1: any LibreTranslate-compatible server. POST /translate with a JSON body
// {q, source, target, format, api_key} answers {translatedText} (q a string) or {translatedText: []}
// (q an array); GET /languages lists [{code, targets}]. A 400 names a pair it does not translate
// (or bad input); 403 a missing or wrong API key.
import { z } from "zod";
import { normalisePairs, type LanguageCode, type LanguagePair } from "@/core/translation/languages";
import { fetchEngine, TranslationError, type TranslateOptions, type TranslationEngine } from "./engine";

const TranslateResponse = z.object({ translatedText: z.array(z.string()) });
const LanguagesResponse = z.array(z.object({ code: z.string(), targets: z.array(z.string()).optional() }));

export function createLibreTranslateEngine(baseUrl: string, apiKey?: string): TranslationEngine {
  const endpoint = (path: string) => new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  return {
    name: "libretranslate",
    async translate(texts: readonly string[], from: LanguageCode, to: LanguageCode, options: TranslateOptions = {}) {
      if (texts.length === 0) return [];
      const body = JSON.stringify({ q: texts, source: from, target: to, format: "text", ...(apiKey ? { api_key: apiKey } : {}) });
      const response = await fetchEngine(endpoint("translate"), { method: "POST", body, headers: { "content-type": "application/json" }, signal: options.signal }, "LibreTranslate");
      if (response.status === 400) throw new TranslationError("unsupported_pair", `LibreTranslate does not translate ${from} to ${to}`);
      if (response.status === 401 || response.status === 403) throw new TranslationError("unavailable", `LibreTranslate refused the API key (HTTP ${response.status})`);
      const parsed = TranslateResponse.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success || parsed.data.translatedText.length !== texts.length) {
        throw new TranslationError("bad_response", `LibreTranslate answered HTTP ${response.status} without one translation per text`);
      }
      return parsed.data.translatedText;
    },
    async languages(options: TranslateOptions = {}): Promise<LanguagePair[]> {
      const response = await fetchEngine(endpoint("languages"), { signal: options.signal }, "LibreTranslate");
      const parsed = LanguagesResponse.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) throw new TranslationError("bad_response", `LibreTranslate's /languages answered HTTP ${response.status}`);
      return normalisePairs(parsed.data.flatMap((language) => (language.targets ?? []).map((target) => ({ from: language.code, to: target }))));
    },
  };
}
