import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainSignOut, signInUrlFor, SIGN_OUT_REASONS } from "./sign-out-reason";

describe("TEAM-3 the sign-in page explains a sign-out from a fixed set of reasons", () => {
  it.each(Object.keys(SIGN_OUT_REASONS))("TEAM-3 %s has a title and an explanation", (reason) => {
    const explained = explainSignOut(reason);
    expect(explained?.reason).toBe(reason);
    expect(explained?.title.length).toBeGreaterThan(5);
    expect(signInUrlFor(explained!.reason)).toBe(`/sign-in?reason=${reason}`);
  });

  it.each([undefined, null, "", "constructor", "__proto__", "toString", "DEACTIVATED", ["deactivated"], "<script>alert(1)</script>", "Your access was deactivated"])(
    "TEAM-3 %o explains nothing",
    (value) => {
      expect(explainSignOut(value)).toBeNull();
    },
  );

  it("TEAM-3 property: any other text explains nothing (text from the URL is never shown)", () => {
    fc.assert(fc.property(fc.string(), (value) => {
      const explained = explainSignOut(value);
      expect(explained === null || Object.hasOwn(SIGN_OUT_REASONS, value)).toBe(true);
    }));
  });

  it("TEAM-3 no reason is the plain sign-in page", () => {
    expect(signInUrlFor(null)).toBe("/sign-in");
  });
});
