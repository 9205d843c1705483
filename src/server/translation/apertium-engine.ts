// SET-3, issue 13 item 1: Apertium's HTTP server, APY (Debian's `apertium-apy`), a real offline
// machine-translation engine. GET /translate?langpair=eng|spa&q=… answers
// {"responseData":{"translatedText":…},"responseStatus":200}; an unknown pair is HTTP 400.
// APY names languages by ISO 639-3, so codes are mapped both ways (src/core/translation/languages.ts).
import { z } from "zod";
import { fromApertiumCode, normalisePairs, toApertiumCode, type LanguageCode, type LanguagePair } from "@/core/translation/languages";
import { fetchEngine, TranslationError, type TranslateOptions, type TranslationEngine } from "./engine";

const TranslateResponse = z.object({ responseData: z.object({ translatedText: z.string() }), responseStatus: z.literal(200) });
const PairsResponse = z.object({ responseData: z.array(z.object({ sourceLanguage: z.string(), targetLanguage: z.string() })) });

export function createApertiumEngine(baseUrl: string): TranslationEngine {
  const endpoint = (path: string) => new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);

  async function translateOne(text: string, langpair: string, options: TranslateOptions): Promise<string> {
    // POST keeps long texts out of the URL; APY reads the same form fields either way.
    // markUnknown=no: APY would otherwise prefix words it does not know with "*".
    const body = new URLSearchParams({ langpair, q: text, markUnknown: "no" });
    const response = await fetchEngine(endpoint("translate"), { method: "POST", body, signal: options.signal }, "Apertium");
    if (response.status === 400) throw new TranslationError("unsupported_pair", `Apertium does not translate ${langpair}`);
    const parsed = TranslateResponse.safeParse(await response.json().catch(() => null));
    if (!response.ok || !parsed.success) throw new TranslationError("bad_response", `Apertium answered HTTP ${response.status} without a translation`);
    return parsed.data.responseData.translatedText;
  }

  return {
    name: "apertium",
    async translate(texts: readonly string[], from: LanguageCode, to: LanguageCode, options: TranslateOptions = {}) {
      const source = toApertiumCode(from);
      const target = toApertiumCode(to);
      if (!source || !target) throw new TranslationError("unsupported_pair", `Apertium does not translate ${from} to ${to}`);
      // APY translates one text per request; its pipelines are per pair, so in parallel is fine.
      return Promise.all(texts.map((text) => (text.trim() === "" ? Promise.resolve(text) : translateOne(text, `${source}|${target}`, options))));
    },
    async languages(options: TranslateOptions = {}): Promise<LanguagePair[]> {
      const response = await fetchEngine(endpoint("listPairs"), { signal: options.signal }, "Apertium");
      const parsed = PairsResponse.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) throw new TranslationError("bad_response", `Apertium's /listPairs answered HTTP ${response.status}`);
      const pairs: LanguagePair[] = [];
      for (const pair of parsed.data.responseData) {
        const from = fromApertiumCode(pair.sourceLanguage);
        const to = fromApertiumCode(pair.targetLanguage);
        if (from && to) pairs.push({ from, to });
      }
      return normalisePairs(pairs);
    },
  };
}
