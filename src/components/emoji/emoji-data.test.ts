import { describe, expect, it } from "vitest";
import { ALL_EMOJI, EMOJI_CATEGORIES, searchEmoji } from "./emoji-data";

describe("emoji data (CHAT-2 text with emoji)", () => {
  it("holds about 150 distinct emoji, each with a name", () => {
    expect(ALL_EMOJI.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ALL_EMOJI.map((item) => item.emoji)).size).toBe(ALL_EMOJI.length);
    for (const item of ALL_EMOJI) expect(item.name.length).toBeGreaterThan(0);
    expect(EMOJI_CATEGORIES.every((category) => category.emojis.length > 0)).toBe(true);
  });

  it.each([
    ["thumbs", "👍"],
    ["THUMBS up", "👍"],
    ["heart eyes", "😍"],
    ["delivery", "🚚"],
    ["party", "🥳"],
  ])("search %s finds %s", (query, emoji) => {
    expect(searchEmoji(query).map((item) => item.emoji)).toContain(emoji);
  });

  it("an empty query returns everything, an unknown word nothing", () => {
    expect(searchEmoji("  ")).toHaveLength(ALL_EMOJI.length);
    expect(searchEmoji("zzzqqq")).toHaveLength(0);
  });
});
