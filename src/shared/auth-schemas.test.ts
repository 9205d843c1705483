import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { basicPasswordProblems, describeSignInError, safeCallbackUrl } from "./auth-schemas";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackUrl (issue 15 item 7)", () => {
  it.each([
    ["/console", "/console"],
    ["/settings/team?tab=invites#new", "/settings/team?tab=invites#new"],
    ["http://localhost:3000/analytics", "/analytics"],
    ["console", "/console"],
    ["https://evil.example/console", "/fallback"],
    ["//evil.example/console", "/fallback"],
    ["/\\evil.example", "/fallback"],
    ["\\\\evil.example", "/fallback"],
    ["/\t/evil.example", "/fallback"],
    ["/\n/evil.example", "/fallback"],
    ["javascript:alert(1)", "/fallback"],
    ["data:text/html,hi", "/fallback"],
    ["http://localhost:3001/", "/fallback"],
    ["https://localhost:3000/", "/fallback"],
    ["http://localhost:3000@evil.example/", "/fallback"],
    ["http://[", "/fallback"],
    ["", "/fallback"],
    [null, "/fallback"],
    [undefined, "/fallback"],
    ["/" + "a".repeat(2100), "/fallback"],
  ])("NF-3 %s gives %s", (url, expected) => {
    expect(safeCallbackUrl(url, ORIGIN, "/fallback")).toBe(expected);
  });

  it("NF-3 whatever the input, the answer is a path that stays on this origin and it never throws", () => {
    // Hostile prefixes joined to arbitrary paths and strings (fc.webUrl and fc.webPath are slow to generate).
    const prefix = fc.constantFrom("", "/", "//", "/\\", "\\\\", "http://localhost:3000", "https://evil.example", "http://localhost:3000@evil.example", "javascript:", "http:", "///", "/%2f");
    const url = fc.tuple(prefix, fc.oneof(fc.string(), fc.string({ unit: "binary" }))).map(([head, tail]) => head + tail);
    fc.assert(fc.property(url, (url) => {
      const path = safeCallbackUrl(url, ORIGIN, "/fallback");
      return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") && new URL(path, ORIGIN).origin === ORIGIN;
    }), { numRuns: 500 });
  }, 30_000);
});

describe("describeSignInError (issue 15 item 4)", () => {
  it.each([
    ["rate_limited:15", "Too many attempts. Try again in 15 minutes."],
    ["rate_limited:1", "Too many attempts. Try again in 1 minute."],
    ["invalid_credentials", "The email or password is incorrect."],
    ["toString", "The email or password is incorrect."],
    ["rate_limited:<script>", "The email or password is incorrect."],
    ["CredentialsSignin", "The email or password is incorrect."],
  ])("%j reads %j", (code, sentence) => {
    expect(describeSignInError(code)).toBe(sentence);
  });
});

describe("basicPasswordProblems (TEAM-1)", () => {
  it.each([
    ["lantern orbit pickle 84", "ava@example.test", []],
    ["          ", "ava@example.test", ["Use letters, digits or symbols, not only spaces"]],
    ["short", "ava@example.test", ["Use at least 10 characters"]],
    ["ava@example.test", "ava@example.test", ["Do not use your email address in your password"]],
    ["my-ava-password", "ava@example.test", ['Do not use "ava" from your email address in your password']],
    ["jo-password-long", "jo@example.test", []],
    ["😀😀😀😀😀😀😀😀😀", "ava@example.test", ["Use at least 10 characters"]],
    ["x".repeat(201), "ava@example.test", ["Use at most 200 characters"]],
  ])("%j for %s", (password, email, problems) => {
    expect(basicPasswordProblems(password, email)).toEqual(problems);
  });
});
