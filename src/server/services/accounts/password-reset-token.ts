// ACCOUNT-1, NF-3: a reset link carries 32 random bytes; only their SHA-256 is stored, so the
// database (or a backup of it) holds no working link.
import crypto from "node:crypto";
import { PASSWORD_RESET_VALID_MINUTES } from "@/shared/password-reset";

export function createPasswordResetToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashPasswordResetToken(token) };
}

export function hashPasswordResetToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function passwordResetExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000);
}

export function passwordResetUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/reset-password/${token}`;
}

/** A token as the link carries it: base64url of 32 bytes. Anything else is not looked up. */
export function isWellFormedResetToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
