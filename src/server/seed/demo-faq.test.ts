// The demo FAQ (AUTO-3) is data the product must accept: every entry passes the same checks as a
// CSV row, ids are unique, and all three categories are there.
import { describe, expect, it } from "vitest";
import { FAQ_CATEGORIES, faqEntryProblems, formatFaqCsv, parseFaqCsv } from "@/core/faq";
import { DEMO_FAQ } from "./demo-faq";

describe("the demo shop's FAQ library (AUTO-3)", () => {
  it("AUTO-3: about a dozen entries, unique ids, every category, each one the import accepts", () => {
    expect(DEMO_FAQ.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_FAQ.map((entry) => entry.externalId)).size).toBe(DEMO_FAQ.length);
    expect(new Set(DEMO_FAQ.map((entry) => entry.category))).toEqual(new Set(FAQ_CATEGORIES));
    for (const entry of DEMO_FAQ) expect(faqEntryProblems(entry), entry.externalId).toEqual([]);
  });

  it("AUTO-3: exported as CSV and imported again, it is the same library", () => {
    const csv = formatFaqCsv(DEMO_FAQ.map((entry) => ({ ...entry, alternatives: [...entry.alternatives] })));
    const parsed = parseFaqCsv(csv);
    expect(parsed).toEqual({ ok: true, entries: DEMO_FAQ });
  });
});
