import { describe, expect, it } from "vitest";
import { consoleTitle } from "./console-title";

describe("CONSOLE-8 the tab badge", () => {
  it.each([
    [0, "Console · Harbor & Pine · Counterpart"],
    [3, "(3) Console · Harbor & Pine · Counterpart"],
    [120, "(99+) Console · Harbor & Pine · Counterpart"],
  ])("%i unread", (unread, expected) => {
    expect(consoleTitle("Harbor & Pine", unread)).toBe(expected);
  });
});
