// Issue 15 (NF-3): which limit a path gets; the path is normalised as the router will see it, so
// "/api/uploads/../widget/session" gets the widget's limit, not the upload's.
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_RULES, bodyLimitFor, DEFAULT_BODY_LIMIT_BYTES } from "@/server/http/body-limit";

const limitOf = (prefix: string) => BODY_LIMIT_RULES.find((rule) => rule.prefix === prefix)!.maxBytes;

describe("bodyLimitFor (NF-3)", () => {
  it.each([
    ["/api/uploads", limitOf("/api/uploads")],
    ["/api/uploads?x=1", limitOf("/api/uploads")],
    ["/api/me/avatar", limitOf("/api/me/avatar")],
    ["/api/v1/products", limitOf("/api/v1")],
    ["/api/widget/session", limitOf("/api/widget")],
    ["/api/uploads/../widget/session", limitOf("/api/widget")],
    ["/api/uploads/%2e%2e/widget/session", limitOf("/api/widget")],
    ["/api/uploadsX", DEFAULT_BODY_LIMIT_BYTES],
    ["/api/team/shop-settings", DEFAULT_BODY_LIMIT_BYTES],
    ["/sign-in", DEFAULT_BODY_LIMIT_BYTES],
  ])("%s", (url, limit) => {
    expect(bodyLimitFor(url)).toBe(limit);
  });

  it("the upload limit leaves room for the envelope around a 50 MB file, nothing more than a quarter MB", () => {
    expect(limitOf("/api/uploads")).toBe(50 * 1024 * 1024 + 256 * 1024);
  });
});
