import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PREVIEW_MAX_LENGTH, previewFor, type PreviewSource } from "./preview";

const message = (overrides: Partial<PreviewSource>): PreviewSource => ({ authorType: "buyer", kind: "text", body: "", isAutomatic: false, ...overrides });

describe("CONSOLE-1: the chat list preview is what a person last wrote", () => {
  it.each([
    [{ body: "Where is my parcel?" }, "Where is my parcel?"],
    [{ body: "  two\n\nlines  " }, "two lines"],
    [{ kind: "image" }, "Photo"],
    [{ kind: "image", body: "the scratch" }, "Photo: the scratch"],
    [{ kind: "video" }, "Video"],
    [{ authorType: "agent", kind: "product_card", body: "Linen shirt" }, "Product: Linen shirt"],
    [{ kind: "order_card", body: "Order 1042" }, "Order 1042"],
    [{ authorType: "agent", kind: "voucher_card", body: "10% off" }, "Voucher: 10% off"],
    [{ authorType: "agent", body: "Happy to help" }, "Happy to help"],
  ] as const)("%o reads %s", (overrides, expected) => {
    expect(previewFor(message(overrides))).toBe(expected);
  });

  it.each([
    [{ authorType: "system", kind: "system", body: "Ava joined the chat" }],
    [{ authorType: "agent", body: "Hi! Welcome to Harbor & Pine", isAutomatic: true }],
    [{ authorType: "bot", body: "Orders ship in 2 days" }],
    [{ authorType: "agent", body: "Your order shipped", isAutomatic: true }],
  ] as const)("%o keeps the previous preview", (overrides) => {
    expect(previewFor(message(overrides))).toBeNull();
  });

  it("property: a preview is at most the limit in code points and never splits an emoji", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (body) => {
        const preview = previewFor(message({ body }))!;
        expect(Array.from(preview).length).toBeLessThanOrEqual(PREVIEW_MAX_LENGTH);
        expect(preview).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      }),
    );
  });
});
