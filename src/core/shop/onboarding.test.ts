import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptedIdentitySecrets,
  gettingStartedSteps,
  IDENTITY_SECRET_GRACE_HOURS,
  isIanaTimeZone,
  isKnownCurrency,
  isProductLanguage,
  mayInviteMembers,
  rotateIdentitySecrets,
  verificationProblem,
} from "./onboarding";

const HOUR = 3_600_000;
const now = new Date("2026-12-02T12:00:00Z");

describe("SHOP-1 sign-up values", () => {
  it.each(["Europe/Berlin", "America/New_York", "Asia/Jakarta", "UTC"])("SHOP-1 %s is an IANA time zone", (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });
  it.each(["", "Mars/Olympus", "+02:00", "Europe/Berlin\n", "a".repeat(65), "../etc/passwd"])("SHOP-1 %j is not a time zone", (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
  it("SHOP-1 currencies are ISO 4217 codes Intl knows", () => {
    expect(isKnownCurrency("USD")).toBe(true);
    expect(isKnownCurrency("EUR")).toBe(true);
    expect(isKnownCurrency("usd")).toBe(false);
    expect(isKnownCurrency("XYZ1")).toBe(false);
  });
  it("SHOP-1 the default language is one the product has", () => {
    expect(isProductLanguage("en")).toBe(true);
    expect(isProductLanguage("es")).toBe(true);
    expect(isProductLanguage("xx")).toBe(false);
  });
});

describe("SHOP-4 identity secret rotation", () => {
  const shop = { identitySecret: "old", previousIdentitySecret: null, previousIdentitySecretValidUntil: null };

  it("SHOP-4 after a rotation both secrets verify until the grace ends, then only the new one", () => {
    const rotated = rotateIdentitySecrets(shop, "new", now);
    expect(rotated.identitySecret).toBe("new");
    expect(acceptedIdentitySecrets(rotated, now)).toEqual(["new", "old"]);
    const justBefore = new Date(now.getTime() + IDENTITY_SECRET_GRACE_HOURS * HOUR - 1);
    expect(acceptedIdentitySecrets(rotated, justBefore)).toEqual(["new", "old"]);
    const atEnd = new Date(now.getTime() + IDENTITY_SECRET_GRACE_HOURS * HOUR);
    expect(acceptedIdentitySecrets(rotated, atEnd)).toEqual(["new"]);
  });

  it("SHOP-4 rotating twice keeps only the secret just replaced (never older ones)", () => {
    const twice = rotateIdentitySecrets(rotateIdentitySecrets(shop, "second", now), "third", now);
    expect(acceptedIdentitySecrets(twice, now)).toEqual(["third", "second"]);
  });

  it("SHOP-4 the current secret is always accepted first, whatever the stored grace", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.option(fc.string()), fc.option(fc.integer({ min: -1e10, max: 1e10 })), (current, previous, offset) => {
        const accepted = acceptedIdentitySecrets(
          { identitySecret: current, previousIdentitySecret: previous, previousIdentitySecretValidUntil: offset === null ? null : new Date(now.getTime() + offset) },
          now,
        );
        expect(accepted[0]).toBe(current);
        expect(accepted.length).toBeLessThanOrEqual(2);
        expect(new Set(accepted).size).toBe(accepted.length);
      }),
    );
  });
});

describe("SHOP-3 verification links", () => {
  const link = { usedAt: null, expiresAt: new Date(now.getTime() + HOUR), email: "a@b.example", currentEmail: "a@b.example" };
  it("SHOP-3 a fresh link works; used, expired, unknown or for an old address does not", () => {
    expect(verificationProblem(link, now)).toBeNull();
    expect(verificationProblem({ ...link, usedAt: now }, now)).toBe("used");
    expect(verificationProblem({ ...link, expiresAt: now }, now)).toBe("expired");
    expect(verificationProblem(null, now)).toBe("invalid");
    expect(verificationProblem({ ...link, currentEmail: "c@d.example" }, now)).toBe("superseded");
  });
  it("SHOP-3 an unverified owner may not invite members yet", () => {
    expect(mayInviteMembers({ emailVerifiedAt: null })).toBe(false);
    expect(mayInviteMembers({ emailVerifiedAt: now })).toBe(true);
  });
});

describe("SHOP-5 getting-started checklist", () => {
  const fresh = { otherMembers: 0, capacityReviewed: false, hasConversation: false, allowedOrigins: 0, emailVerified: false };
  it("SHOP-5 a new shop has everything to do, and automation is marked as coming, with no link", () => {
    const steps = gettingStartedSteps(fresh);
    expect(steps.filter((step) => step.state === "todo").map((step) => step.id)).toEqual(["verify_email", "allow_origin", "test_message", "invite_agents", "set_capacity"]);
    expect(steps.find((step) => step.id === "automation")).toMatchObject({ state: "coming", href: null });
  });
  it("SHOP-5 each step is done from the shop's data", () => {
    const steps = gettingStartedSteps({ otherMembers: 2, capacityReviewed: true, hasConversation: true, allowedOrigins: 1, emailVerified: true });
    expect(steps.filter((step) => step.state === "done")).toHaveLength(5);
  });
});
