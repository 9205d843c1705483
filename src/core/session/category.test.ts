import { describe, expect, it } from "vitest";
import { categoryFromContext } from "./category";

describe("categoryFromContext", () => {
  it.each([
    [{ productId: "p" }, "pre_purchase"],
    [{ orderStatus: "unpaid" }, "logistics"],
    [{ orderStatus: "to_ship" }, "logistics"],
    [{ orderStatus: "shipped" }, "logistics"],
    [{ orderStatus: "out_for_delivery" }, "logistics"],
    [{ orderStatus: "delayed" }, "logistics"],
    [{ orderStatus: "delivered" }, "after_sales"],
    [{ orderStatus: "returned" }, "after_sales"],
    [{ productId: "p", orderStatus: "delivered" }, "after_sales"],
    [{}, null],
  ] as const)("CONSOLE-3 %j is %s", (context, expected) => {
    expect(categoryFromContext(context)).toBe(expected);
  });
});
