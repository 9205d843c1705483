// SET-3: the translation settings' shapes, shared by the settings page, its route and the service.
import { z } from "zod";

/** ISO 639-1, lower case ("en", "es"). */
export const ZLanguageCode = z.string().regex(/^[a-z]{2}$/, "A two-letter language code, such as en or es");

export const ZShopTranslationSettings = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("off") }).strict(),
  z.object({ mode: z.literal("auto") }).strict(),
  z.object({ mode: z.literal("pair"), buyerLanguage: ZLanguageCode, agentLanguage: ZLanguageCode }).strict()
    .refine((value) => value.buyerLanguage !== value.agentLanguage, { message: "Choose two different languages", path: ["agentLanguage"] }),
]);
export type TShopTranslationSettings = z.infer<typeof ZShopTranslationSettings>;

export interface ShopTranslationSettingsDto {
  /** The configured engine ("apertium", "libretranslate"), or null: translation is off for the deployment. */
  engine: string | null;
  setting: TShopTranslationSettings;
  /** The pairs the engine translates (empty when there is no engine or it cannot be asked now). */
  pairs: Array<{ from: string; to: string }>;
}

/** Names for the languages the settings and the chat menu offer. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ca: "Catalan", en: "English", eo: "Esperanto", es: "Spanish", eu: "Basque", fr: "French", gl: "Galician",
  id: "Indonesian", is: "Icelandic", it: "Italian", mk: "Macedonian", ms: "Malay", pt: "Portuguese",
};

export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}
