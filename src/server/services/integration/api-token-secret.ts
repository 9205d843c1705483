// API-1: integration tokens look like `cpk_<43 base64url characters>` (256 random bits). Only
// the sha256 is stored, like invitation tokens (NF-3); a database leak reveals no usable token.
import crypto from "node:crypto";

export const API_TOKEN_PREFIX = "cpk_";
/** Characters kept in clear so owners can tell tokens apart: "cpk_" and 8 more. */
export const API_TOKEN_VISIBLE_CHARS = 12;
const TOKEN_PATTERN = /^cpk_[A-Za-z0-9_-]{43}$/;

export function generateApiTokenSecret(): string {
  return API_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function isWellFormedApiToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
