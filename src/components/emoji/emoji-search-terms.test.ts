// The picker's bilingual search and its self-hosted data (issue 13 item 5), on the real Emojibase
// files the app serves. The picker shapes them as frimousse's default resolver does (label, tags)
// and filters as frimousse does: a query matches an emoji whose label or a tag contains it.
import { describe, expect, it } from "vitest";
import type { EmojiData } from "frimousse";
import type { Emoji as EmojibaseEmoji } from "emojibase";
import enData from "emojibase-data/en/data.json";
import esData from "emojibase-data/es/data.json";
import { GET, generateStaticParams } from "@/app/emojibase-data/[locale]/[file]/route";
import { EMOJI_LOCALES, otherEmojiLocale, withSearchTermsFrom, type EmojiLocale } from "./emoji-search-terms";

function asPickerData(locale: EmojiLocale, emojis: EmojibaseEmoji[]): EmojiData {
  return {
    locale,
    emojis: emojis.map((item) => ({ emoji: item.emoji, category: item.group ?? 0, label: item.label, version: item.version, tags: item.tags ?? [] })),
    categories: [],
    skinTones: { light: "", "medium-light": "", medium: "", "medium-dark": "", dark: "" },
  };
}

const PICKER_DATA: Record<EmojiLocale, EmojiData> = { en: asPickerData("en", enData), es: asPickerData("es", esData) };

function search(data: EmojiData, query: string): string[] {
  const needle = query.toLowerCase();
  return data.emojis.filter((item) => item.label.toLowerCase().includes(needle) || item.tags.some((tag) => tag.toLowerCase().includes(needle))).map((item) => item.emoji);
}

function bilingual(locale: EmojiLocale): EmojiData {
  return withSearchTermsFrom(PICKER_DATA[locale], PICKER_DATA[otherEmojiLocale(locale)]);
}

describe("CHAT-2 emoji picker search in both languages (issue 13 item 5)", () => {
  it.each([
    ["en", "thumbs", "👍️"],
    ["es", "pulgar", "👍️"],
    ["es", "thumbs", "👍️"],
    ["en", "pulgar", "👍️"],
    ["en", "fiesta", "🥳"],
    ["es", "party", "🥳"],
    ["es", "corazón", "❤️"],
  ] as const)("in %s, %s finds %s", (locale, query, emoji) => {
    expect(search(bilingual(locale), query)).toContain(emoji);
  });

  it("one locale alone does not know the other's words, which is why they are merged", () => {
    expect(search(PICKER_DATA.es, "thumbs")).not.toContain("👍️");
    expect(search(PICKER_DATA.en, "pulgar")).not.toContain("👍️");
  });

  it("keeps the shown locale's labels and every emoji, adding the other's words only as tags", () => {
    const merged = bilingual("es");
    expect(merged.emojis).toHaveLength(PICKER_DATA.es.emojis.length);
    const thumbsUp = merged.emojis.find((item) => item.emoji === "👍️")!;
    expect(thumbsUp.label).toBe("pulgar hacia arriba");
    expect(thumbsUp.tags).toEqual(expect.arrayContaining(["pulgar", "thumbs up", "like"]));
    expect(new Set(thumbsUp.tags).size).toBe(thumbsUp.tags.length);
  });
});

describe("self-hosted Emojibase data (/emojibase-data)", () => {
  it("prerenders data.json and messages.json for each picker locale, and nothing else", () => {
    expect(generateStaticParams()).toEqual(EMOJI_LOCALES.flatMap((locale) => [{ locale, file: "data.json" }, { locale, file: "messages.json" }]));
  });

  it("serves the package's files, and 404 for any other", async () => {
    const call = (locale: string, file: string) => GET(new Request(`http://localhost/emojibase-data/${locale}/${file}`), { params: Promise.resolve({ locale, file }) });
    const data = await call("es", "data.json");
    expect(data.status).toBe(200);
    expect(data.headers.get("content-type")).toMatch(/application\/json/);
    expect(data.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
    expect(((await data.json()) as unknown[]).length).toBe(esData.length);
    const messages = (await (await call("en", "messages.json")).json()) as { groups: unknown[] };
    expect(messages.groups.length).toBeGreaterThan(5);
    expect((await call("fr", "data.json")).status).toBe(404);
    expect((await call("en", "compact.json")).status).toBe(404);
  });
});
