// Issue 15 (CSRF and origins): the one origin rule of member routes, the socket handshake and the
// widget's endpoints, table-driven.
import { describe, expect, it } from "vitest";
import { checkSameOrigin, checkWidgetOrigin, isOwnOrigin } from "@/server/http/request-origin";

const host = "app.example:3000";

describe("checkSameOrigin (issue 15 CSRF)", () => {
  it.each([
    ["same origin", { origin: "http://app.example:3000" }, true],
    ["same host, https scheme", { origin: "https://app.example:3000" }, true],
    ["another port of the same host", { origin: "http://app.example:3001" }, false],
    ["another host", { origin: "https://evil.example" }, false],
    ["a sub-domain", { origin: "http://x.app.example:3000" }, false],
    ["the opaque origin", { origin: "null" }, false],
    ["garbage", { origin: "not a url" }, false],
    ["no Origin, Sec-Fetch-Site same-origin", { secFetchSite: "same-origin" }, true],
    ["no Origin, typed by the user", { secFetchSite: "none" }, true],
    ["no Origin, same-site", { secFetchSite: "same-site" }, false],
    ["no Origin, cross-site", { secFetchSite: "cross-site" }, false],
    ["no browser headers at all (curl, tests)", {}, true],
  ])("%s", (_name, headers: { origin?: string; secFetchSite?: string }, ok) => {
    expect(checkSameOrigin({ origin: headers.origin, secFetchSite: headers.secFetchSite, host }, undefined).ok).toBe(ok);
  });

  it("PUBLIC_URL names the origin behind a proxy that rewrites Host", () => {
    expect(checkSameOrigin({ origin: "https://chat.shop.example", secFetchSite: null, host: "10.0.0.5:3000" }, "https://chat.shop.example").ok).toBe(true);
    expect(checkSameOrigin({ origin: "https://evil.example", secFetchSite: null, host: "10.0.0.5:3000" }, "https://chat.shop.example").ok).toBe(false);
  });

  it("default ports compare equal", () => {
    expect(isOwnOrigin("https://app.example", "app.example:443", undefined)).toBe(true);
    expect(isOwnOrigin("http://app.example", "app.example", undefined)).toBe(true);
    expect(isOwnOrigin("http://app.example:8080", "app.example", undefined)).toBe(false);
  });
});

describe("checkWidgetOrigin (issue 15, WIDGET-1)", () => {
  const allowed = ["https://shop.example"];
  it.each([
    ["an allowed storefront", "https://shop.example", allowed, true],
    ["a storefront not on the list", "https://evil.example", allowed, false],
    ["the widget frame (our own origin)", "http://app.example:3000", allowed, true],
    ["any origin when the list is empty", "https://anyone.example", [], true],
    ["no Origin", undefined, allowed, true],
  ])("%s", (_name, origin, list, ok) => {
    expect(checkWidgetOrigin({ origin, secFetchSite: null, host }, list, undefined).ok).toBe(ok);
  });
});
