import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/shared/dto";
import { orderCardOf, productCardOf, safeUrl, voucherCardOf } from "./card-payloads";

const message = (kind: MessageDto["kind"], payload: Record<string, unknown>, body = ""): MessageDto => ({
  id: "m1", conversationId: "c1", sessionId: null, seq: 1, clientId: null, authorType: "agent", author: null,
  kind, body, payload, isAutomatic: false, createdAt: "2026-01-01T00:00:00.000Z",
});

describe("widget card views (CHAT-2 cards, NF-3 safe rendering)", () => {
  it.each([
    ["/demo-store/products/sku-1", "/demo-store/products/sku-1"],
    ["https://shop.example/p/1", "https://shop.example/p/1"],
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["data:text/html,<script>", null],
    ["//evil.example/x", null],
    [42, null],
    [null, null],
  ])("NF-3 safeUrl(%j) is %j", (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it("CHAT-2 reads the messaging service's plain product snapshot", () => {
    const card = productCardOf(message("product_card", { name: "Sencha", priceCents: 1290, currency: "USD", imageUrl: null, url: "javascript:x" }));
    expect(card).toEqual({ name: "Sencha", price: "$12.90", imageUrl: null, url: null });
  });

  it("CHAT-2 reads the workbench's versioned order and voucher snapshots", () => {
    const order = orderCardOf(message("order_card", { type: "order", version: 1, orderNumber: "ORD-1", status: "shipped", statusLabel: "Shipped", totalLabel: "$25.80", items: [{ name: "Tea", quantity: 2, priceCents: 1290 }] }));
    expect(order).toMatchObject({ number: "ORD-1", status: "Shipped", total: "$25.80", items: [{ name: "Tea", quantity: 2 }] });
    const plainOrder = orderCardOf(message("order_card", { externalId: "ORD-2", status: "out_for_delivery", totalCents: 500, currency: "USD", items: [] }));
    expect(plainOrder).toMatchObject({ number: "ORD-2", status: "Out for delivery", total: "$5.00" });
    const voucher = voucherCardOf(message("voucher_card", { voucherId: "v1", title: "10% off", code: "SORRY10", discountType: "percentage", discountValue: 10, minSpendCents: 2500, currency: "USD" }));
    expect(voucher).toMatchObject({ voucherId: "v1", title: "10% off", code: "SORRY10", discount: "10% off", minSpend: "Min. spend $25.00" });
  });

  it("a payload of the wrong shape still renders from the message body", () => {
    expect(productCardOf(message("product_card", { name: 7 }, "Fallback name")).name).toBe("Fallback name");
    expect(orderCardOf(message("order_card", { items: "nope" }, "Order X"))).toMatchObject({ number: "Order X", items: [] });
  });
});
