import { describe, expect, it } from "vitest";
import { formatCount, formatListTime, formatWaiting } from "./format";

const NOW = new Date(2025, 5, 11, 15, 0, 0); // local time, Wednesday 11 June 2025, 15:00
const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

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
    expect(formatListTime(iso, NOW)).toBe(expected);
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
    expect(formatWaiting(iso, NOW)).toBe(expected);
  });

  it("caps counts", () => {
    expect(formatCount(7)).toBe("7");
    expect(formatCount(120)).toBe("99+");
    expect(formatCount(999, true)).toBe("999+");
  });
});
