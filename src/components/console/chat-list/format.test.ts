import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { readCatalog } from "@/i18n/messages";
import type { ConsoleTranslate } from "../console-text";
import { emptyListText, formatCount, formatListTime, formatWaiting } from "./format";

const NOW = new Date(2025, 5, 11, 15, 0, 0); // local time, Wednesday 11 June 2025, 15:00
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function consoleTranslate(locale: "en" | "es"): ConsoleTranslate {
  const t = createTranslator({ locale, messages: readCatalog(locale), namespace: "console" });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}
const en = consoleTranslate("en");
const es = consoleTranslate("es");

describe("chat list formatting (CONSOLE-1)", () => {
  it.each([
    [before(20_000), "now"],
    [before(5 * MINUTE), "5m"],
    [before(3 * HOUR), "3h"],
    [new Date(2025, 5, 10, 9, 0).toISOString(), "Yesterday"],
    [new Date(2025, 5, 8, 9, 0).toISOString(), "Sun"],
    [new Date(2025, 2, 12, 9, 0).toISOString(), "Mar 12"],
    [new Date(2023, 2, 12, 9, 0).toISOString(), "Mar 12, 2023"],
  ])("writes %s as %s", (iso, expected) => {
    expect(formatListTime(iso, NOW, en, "en")).toBe(expected);
  });

  it.each([
    [before(10_000), "under 1m"],
    [before(42 * MINUTE), "42m"],
    [before(3 * HOUR), "3h"],
    [before(3 * HOUR + 5 * MINUTE), "3h 5m"],
    [before(50 * HOUR), "2d 2h"],
    [before(48 * HOUR), "2d"],
    [new Date(NOW.getTime() + MINUTE).toISOString(), "under 1m"],
  ])("waiting since %s reads %s", (iso, expected) => {
    expect(formatWaiting(iso, NOW, en)).toBe(expected);
  });

  it("caps counts", () => {
    expect(formatCount(7, en)).toBe("7");
    expect(formatCount(120, en)).toBe("99+");
    expect(formatCount(999, en, true)).toBe("999+");
  });

  it("says an empty list in English", () => {
    expect(emptyListText(en, "assigned", null)).toBe("No chats assigned to you right now.");
    expect(emptyListText(en, "assigned", "due_soon")).toBe("No due soon chats in Assigned.");
    expect(emptyListText(en, "history", "starred")).toBe("No starred chats in History.");
  });
});

describe("NF-5 chat list formatting in Spanish", () => {
  it.each([
    [before(20_000), "ahora"],
    [before(5 * MINUTE), "5 min"],
    [before(3 * HOUR), "3 h"],
    [new Date(2025, 5, 10, 9, 0).toISOString(), "Ayer"],
    [new Date(2025, 5, 8, 9, 0).toISOString(), "dom"],
    [new Date(2025, 2, 12, 9, 0).toISOString(), "12 mar"],
    [new Date(2023, 2, 12, 9, 0).toISOString(), "12 mar 2023"],
  ])("writes %s as %s", (iso, expected) => {
    expect(formatListTime(iso, NOW, es, "es")).toBe(expected);
  });

  it.each([
    [before(10_000), "menos de 1 min"],
    [before(42 * MINUTE), "42 min"],
    [before(3 * HOUR + 5 * MINUTE), "3 h 5 min"],
    [before(26 * HOUR), "1 día 2 h"],
    [before(48 * HOUR), "2 días"],
  ])("waiting since %s reads %s", (iso, expected) => {
    expect(formatWaiting(iso, NOW, es)).toBe(expected);
  });

  it("counts and empty lists", () => {
    expect(formatCount(7, es)).toBe("7");
    expect(formatCount(120, es)).toBe("99+");
    expect(emptyListText(es, "unassigned", "overdue")).toBe("No hay chats vencidos en Sin asignar.");
  });
});
