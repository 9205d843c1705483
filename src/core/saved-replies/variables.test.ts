import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillVariables, unknownVariables, unknownVariablesMessage, variablesIn } from "./variables";
import { isValidShortcut, normalizeShortcut } from "./rules";

describe("AUTO-2 saved-reply variables", () => {
  it("AUTO-2 fills buyer, agent, order id and shop", () => {
    const body = "Hi {buyer}, {agent} from {shop} here. Order {order_id} left today.";
    expect(fillVariables(body, { buyer: "Mia", agent: "Ava", shop: "Demo", order_id: "ORD-1" })).toEqual({
      text: "Hi Mia, Ava from Demo here. Order ORD-1 left today.",
      missing: [],
    });
  });

  it("AUTO-2 a variable without a value (no order in the chat) stays visible and is reported", () => {
    expect(fillVariables("Order {order_id}, {buyer}", { buyer: "Mia", order_id: null })).toEqual({ text: "Order {order_id}, Mia", missing: ["order_id"] });
  });

  it("AUTO-2 unknown names are found for the save-time error; other braces are plain text", () => {
    expect(unknownVariables("Hi {buyr} and {agent} {1} { x } {}")).toEqual(["buyr"]);
    expect(variablesIn("{buyer}{buyer}{shop}")).toEqual(["buyer", "shop"]);
    expect(unknownVariablesMessage(["buyr"])).toBe("Unknown variable {buyr}. Use {buyer}, {agent}, {order_id}, {shop}.");
  });

  it("AUTO-2 property: a value is inserted as written and never filled again", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (buyer, agent) => {
        const { text } = fillVariables("{buyer}|{agent}", { buyer: buyer || "x", agent: agent || "y" });
        expect(text).toBe(`${buyer || "x"}|${agent || "y"}`);
      }),
    );
  });

  it("AUTO-2 shortcuts are stored lower-case without a leading slash, one word", () => {
    expect(normalizeShortcut(" /Refund ")).toBe("refund");
    expect(isValidShortcut("ship-delay_2")).toBe(true);
    expect(isValidShortcut("two words")).toBe(false);
    expect(isValidShortcut("")).toBe(false);
    expect(isValidShortcut("a".repeat(33))).toBe(false);
  });
});
