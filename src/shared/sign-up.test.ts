import { describe, expect, it } from "vitest";
import { ZSignUp } from "./sign-up";

const valid = { name: "  Sam   Seller ", email: " Sam@Example.TEST ", password: "x", shopName: "  Sam's   Teas ", currency: "eur", timeZone: "Europe/Berlin", defaultLanguage: "en" };

describe("SHOP-1 sign-up fields", () => {
  it("SHOP-1 normalises what people type: trimmed name and shop name, lower-cased email, upper-cased currency", () => {
    expect(ZSignUp.parse(valid)).toEqual({ name: "Sam Seller", email: "sam@example.test", password: "x", shopName: "Sam's Teas", currency: "EUR", timeZone: "Europe/Berlin", defaultLanguage: "en" });
  });

  it("SHOP-1 names every wrong field", () => {
    const result = ZSignUp.safeParse({ ...valid, email: "nope", shopName: "", currency: "EURO", timeZone: "Berlin", defaultLanguage: "tlh", password: "" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => String(issue.path[0])));
    expect([...fields].sort()).toEqual(["currency", "defaultLanguage", "email", "password", "shopName", "timeZone"]);
  });

  it("SHOP-1 a shop name of 81 characters or with NUL is refused", () => {
    expect(ZSignUp.safeParse({ ...valid, shopName: "a".repeat(81) }).success).toBe(false);
    expect(ZSignUp.safeParse({ ...valid, shopName: "Tea\u0000" }).success).toBe(false);
  });
});
