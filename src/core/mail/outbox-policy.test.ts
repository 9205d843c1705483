import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REMOVED_LINK, extractLinks, keepsSecretLinks, needsServerLog, outboxCopy, visibleCopy } from "./outbox-policy";

const INVITE = "http://app.test/invitations/tok_123";
const RESET = "http://app.test/reset-password/secret_456";
const now = new Date("2026-12-02T12:00:00Z");

describe("MAIL-1 outbox policy", () => {
  it("MAIL-1 keeps an invitation link only when the mail did not leave the server", () => {
    const text = `Join us: ${INVITE}\nHelp: https://help.test/faq`;
    expect(outboxCopy({ kind: "invitation", outcome: "saved", text, secretLinks: [INVITE] })).toEqual({ text, links: [INVITE, "https://help.test/faq"], secretLinks: [INVITE] });
    expect(outboxCopy({ kind: "invitation", outcome: "failed", text, secretLinks: [INVITE] }).links).toContain(INVITE);
    const sent = outboxCopy({ kind: "invitation", outcome: "sent", text, secretLinks: [INVITE] });
    expect(sent.text).toBe(`Join us: ${REMOVED_LINK}\nHelp: https://help.test/faq`);
    expect(sent.links).toEqual(["https://help.test/faq"]);
    expect(sent.secretLinks).toEqual([]);
  });

  it("ACCOUNT-1 MAIL-1 never keeps a password-reset link, with or without SMTP", () => {
    for (const outcome of ["sent", "saved", "failed"] as const) {
      const copy = outboxCopy({ kind: "password_reset", outcome, text: `Reset: ${RESET}`, secretLinks: [RESET] });
      expect(copy.text).not.toContain("secret_456");
      expect(copy.links).toEqual([]);
      expect(keepsSecretLinks("password_reset", outcome)).toBe(false);
    }
  });

  it("MAIL-1 hides expired secret links from everyone and invitation links from readers who cannot manage invitations", () => {
    const mail = { ...outboxCopy({ kind: "invitation", outcome: "saved", text: `Join: ${INVITE}`, secretLinks: [INVITE] }), kind: "invitation", secretsExpireAt: new Date("2026-12-03T00:00:00Z") };
    expect(visibleCopy(mail, { now, mayManageInvitations: true }).links).toEqual([INVITE]);
    expect(visibleCopy(mail, { now, mayManageInvitations: false }).links).toEqual([]);
    expect(visibleCopy(mail, { now: new Date("2026-12-03T00:00:00Z"), mayManageInvitations: true }).text).toBe(`Join: ${REMOVED_LINK}`);
  });

  it("SHOP-3 MAIL-1 a verification link without SMTP is kept for the owner and hidden from admins", () => {
    const VERIFY = "http://localhost:3000/verify-email/token456";
    const mail = { ...outboxCopy({ kind: "email_verification", outcome: "saved", text: `Verify: ${VERIFY}`, secretLinks: [VERIFY] }), kind: "email_verification", secretsExpireAt: new Date("2026-12-04T00:00:00Z") };
    expect(visibleCopy(mail, { now, mayManageInvitations: true }).links).toEqual([VERIFY]);
    expect(visibleCopy(mail, { now, mayManageInvitations: false }).text).toBe(`Verify: ${REMOVED_LINK}`);
  });

  it("ACCOUNT-1 MAIL-1 prints to the server log only what no outbox shows, and only without SMTP", () => {
    expect(needsServerLog({ outcome: "saved", shopId: null, kind: "password_reset", secretLinks: [RESET] })).toBe(true);
    expect(needsServerLog({ outcome: "saved", shopId: "shop", kind: "password_reset", secretLinks: [RESET] })).toBe(true);
    expect(needsServerLog({ outcome: "saved", shopId: "shop", kind: "invitation", secretLinks: [INVITE] })).toBe(false);
    expect(needsServerLog({ outcome: "sent", shopId: null, kind: "password_reset", secretLinks: [RESET] })).toBe(false);
    expect(needsServerLog({ outcome: "failed", shopId: null, kind: "password_reset", secretLinks: [RESET] })).toBe(false);
  });

  it("MAIL-1 property: a secret link the outbox does not keep appears nowhere in the stored copy", () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
    fc.assert(fc.property(token, token, fc.string({ maxLength: 40 }), (first, second, filler) => {
      const secret = `http://app.test/reset-password/${first}`;
      const other = `http://app.test/reset-password/${first}${second}`;
      const text = `${filler} ${other} ${secret} ${filler}`;
      const copy = outboxCopy({ kind: "password_reset", outcome: "saved", text, secretLinks: [secret, other] });
      expect(copy.text.includes(first)).toBe(filler.includes(first));
      expect(extractLinks(copy.text).some((link) => link.includes(first))).toBe(false);
    }));
  });
});
