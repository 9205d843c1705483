import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GREETING_RULES, shouldGreet } from "./greeting";
import { DEFAULT_PROACTIVE_TEMPLATES, formatEta, PROACTIVE_RULES, PROACTIVE_STATUSES, withDefaultTemplates } from "./proactive";
import { renderTemplate, templateProblem, templateProblemOf, variablesIn } from "./template";

describe("AUTO-1 AUTO-6 template renderer", () => {
  it("AUTO-1 fills {buyer} and {shop}", () => {
    expect(renderTemplate("Hi {buyer}, welcome to {shop}!", { buyer: "sam", shop: "Harbor & Pine" })).toBe("Hi sam, welcome to Harbor & Pine!");
  });

  it("AUTO-6 drops the line of a missing variable and keeps the others", () => {
    const template = "Order {order_id} shipped.\nTracking number: {tracking_number}\nThanks!";
    expect(renderTemplate(template, { order_id: "ORD-1", tracking_number: null })).toBe("Order ORD-1 shipped.\nThanks!");
    expect(renderTemplate(template, { order_id: "ORD-1", tracking_number: "  " })).toBe("Order ORD-1 shipped.\nThanks!");
    expect(renderTemplate(template, { order_id: "ORD-1", tracking_number: "JT1" })).toBe("Order ORD-1 shipped.\nTracking number: JT1\nThanks!");
  });

  it("AUTO-1 an unknown variable never reaches the buyer as a raw placeholder", () => {
    expect(renderTemplate("Hi {buyer}\nI am {agent}", { buyer: "sam" })).toBe("Hi sam");
  });

  it("AUTO-1 other braces are plain text", () => {
    expect(renderTemplate("{ not a variable } {} {1x} {buyer}", { buyer: "b" })).toBe("{ not a variable } {} {1x} b");
    expect(variablesIn("{a} {b_2} {a} {Buyer} { c }")).toEqual(["a", "b_2", "Buyer"]);
  });

  it("AUTO-1 rejects unknown variables with a clear message", () => {
    expect(templateProblem("Hi {buyer} from {shop}", GREETING_RULES)).toBeNull();
    expect(templateProblem("Hi {name}", GREETING_RULES)).toBe("Unknown variable {name}. Use {buyer}, {shop}.");
    expect(templateProblem("I am {agent}", GREETING_RULES)).toBe("{agent} cannot be used here: the greeting is sent when the chat opens, before an agent joins. Use {buyer}, {shop}.");
    expect(templateProblem("Hi {Buyer}", GREETING_RULES)).toBe("Unknown variable {Buyer}. Use {buyer}, {shop}.");
    expect(templateProblem("Order {order_id} via {carrier}: {tracking_number}, {eta}", PROACTIVE_RULES)).toBeNull();
    expect(templateProblem("{agent}", PROACTIVE_RULES)).toMatch(/^\{agent\} cannot be used here/);
  });

  it("AUTO-6 the default templates use only their variables", () => {
    for (const status of PROACTIVE_STATUSES) expect(templateProblem(DEFAULT_PROACTIVE_TEMPLATES[status], PROACTIVE_RULES)).toBeNull();
    expect(withDefaultTemplates([{ status: "delayed", enabled: true, template: "Late" }]).map((row) => [row.status, row.enabled])).toEqual([
      ["shipped", false], ["out_for_delivery", false], ["delayed", true], ["delivered", false],
    ]);
  });

  it("AUTO-6 {eta} is the day in the shop's time zone", () => {
    expect(formatEta(new Date("2026-12-04T02:00:00Z"), "America/Los_Angeles")).toBe("Thu, Dec 3");
    expect(formatEta(new Date("2026-12-04T02:00:00Z"), "UTC")).toBe("Fri, Dec 4");
    expect(formatEta(null, "UTC")).toBeNull();
  });
});

describe("AUTO-1 template properties", () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
  // Text without braces or line breaks, and values without line breaks.
  const plain = fc.string({ maxLength: 20 }).map((text) => text.replace(/[{}\n]/g, ""));

  it("a template without variables renders as itself (trimmed)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }).map((text) => text.replace(/[{}]/g, "")), (text) => renderTemplate(text, {}) === text.trim()));
  });

  it("values are inserted verbatim and never expanded again", () => {
    fc.assert(
      fc.property(name, plain, plain, fc.string({ maxLength: 20 }).map((value) => value.replace(/\n/g, "")), (variable, before, after, value) => {
        fc.pre(value.trim().length > 0);
        const rendered = renderTemplate(`${before}{${variable}}${after}`, { [variable]: `${value}{${variable}}` });
        return rendered === `${before}${`${value}{${variable}}`.trim()}${after}`.trim();
      }),
    );
  });

  it("a template is accepted exactly when all its variables are allowed", () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 5 }), plain, (names, text) => {
        const template = `${text}${names.map((variable) => `{${variable}}`).join(" ")}`;
        const ok = templateProblem(template, GREETING_RULES) === null;
        return ok === names.every((variable) => variable === "buyer" || variable === "shop");
      }),
    );
  });

  it("a rendered accepted template never shows an allowed placeholder", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("{buyer}", "{shop}", " ", "hi", "\n"), { maxLength: 12 }), plain, plain, (parts, buyer, shop) => {
        const rendered = renderTemplate(parts.join(""), { buyer: `${buyer}x`, shop: `${shop}y` });
        return !rendered.includes("{buyer}") && !rendered.includes("{shop}");
      }),
    );
  });
});

describe("AUTO-1 greeting repeat window", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  it("greets a new buyer, not a buyer greeted within the window, and again after it", () => {
    expect(shouldGreet({ lastGreetedAt: null, now, repeatAfterHours: 24 })).toBe(true);
    expect(shouldGreet({ lastGreetedAt: new Date("2026-12-02T12:00:01Z"), now, repeatAfterHours: 24 })).toBe(false);
    expect(shouldGreet({ lastGreetedAt: new Date("2026-12-02T12:00:00Z"), now, repeatAfterHours: 24 })).toBe(true);
    expect(shouldGreet({ lastGreetedAt: now, now, repeatAfterHours: 0 })).toBe(true);
  });
});

describe("NF-5 templateProblemOf: the problem as data for a phrase in the reader's language", () => {
  it("names the first unknown variable, whether it is known elsewhere, and the allowed ones", () => {
    expect(templateProblemOf("Hi {buyer}", GREETING_RULES)).toBeNull();
    expect(templateProblemOf("Hi {agent} and {foo}", GREETING_RULES)).toEqual({ kind: "notHere", variable: "agent", allowed: "{buyer}, {shop}" });
    expect(templateProblemOf("Hi {foo}", GREETING_RULES)).toEqual({ kind: "unknown", variable: "foo", allowed: "{buyer}, {shop}" });
  });
});
