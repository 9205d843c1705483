// TEAM-2, NF-3: an invitation link carries 32 random bytes; only their sha256 is stored, so a
// database leak gives nobody a working link.
import crypto from "node:crypto";
import { INVITATION_VALID_HOURS } from "@/shared/team";

export function createInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_HOURS * 3_600_000);
}

export function acceptUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/invitations/${token}`;
}
