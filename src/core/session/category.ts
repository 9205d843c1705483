// CONSOLE-3: a session's category comes from what the buyer was looking at when they wrote.
// Product page: pre-purchase. Order not yet delivered: logistics. Delivered order: after-sales.

export type SessionCategory = "pre_purchase" | "logistics" | "after_sales";

export const SESSION_CATEGORIES: readonly SessionCategory[] = ["pre_purchase", "logistics", "after_sales"];

/** Order statuses after which a question is about the goods, not their journey. */
const AFTER_DELIVERY = new Set(["delivered", "returned"]);

export function categoryFromContext(context: { productId?: string | null; orderStatus?: string | null }): SessionCategory | null {
  if (context.orderStatus) return AFTER_DELIVERY.has(context.orderStatus) ? "after_sales" : "logistics";
  if (context.productId) return "pre_purchase";
  return null;
}
