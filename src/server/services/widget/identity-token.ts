// WIDGET-1: the identity token a SHOP's server makes so that a signed-in customer chats as
// themselves (docs/widget.md). A standard JWT, so any JWT library can make one:
//   header  { "alg": "HS256", "typ": "JWT" }            key: the shop's identity secret
//   claims  { "sub": customer id, "iat", "exp", "nickname"?, "email"?, "avatarUrl"? }
// `iat` and `exp` are required, and a token may live at most MAX_IDENTITY_TOKEN_LIFETIME_SECONDS
// (exp - iat, and exp from now): a leaked token is worth a day at most, and "exp in the year 3000"
// is refused. Verified by `jose`, HS256 only (no "none", no algorithm confusion).
//
// Deprecated: the format before JWTs, base64url(JSON {externalId, exp, ...}) + "." +
// base64url(HMAC-SHA256(secret, that text)), is accepted until LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL
// with the same lifetime cap, and each shop still using it is logged (at most hourly).
import crypto from "node:crypto";
import { errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { ZSafeUrl } from "@/shared/safe-url";

export const MAX_IDENTITY_TOKEN_LIFETIME_SECONDS = 24 * 3600;
/** Clocks of the shop's server and ours may differ a little. */
export const IDENTITY_CLOCK_TOLERANCE_SECONDS = 60;
/** The end of the deprecation window of the pre-JWT format (docs/widget.md). */
export const LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL = new Date("2027-03-01T00:00:00Z");

const ZProfileClaims = {
  nickname: z.string().trim().min(1).max(60).optional(),
  email: z.email().max(200).optional(),
  avatarUrl: ZSafeUrl(500).optional(),
};

const ZJwtClaims = z.object({ sub: z.string().trim().min(1).max(128), iat: z.number().int(), exp: z.number().int(), ...ZProfileClaims });
const ZLegacyClaims = z.object({ externalId: z.string().trim().min(1).max(128), exp: z.number().int().positive(), ...ZProfileClaims });

export interface IdentityClaims {
  externalId: string;
  nickname?: string;
  email?: string;
  avatarUrl?: string;
  exp: number;
}

export type IdentityTokenFormat = "jwt" | "legacy";

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");
const hmac = (secret: string, text: string) => crypto.createHmac("sha256", secret).update(text).digest();

/**
 * For the demo store and tests: a standard HS256 JWT, as a shop's JWT library makes it
 * (`iat` defaults to now). Shops use their own library; see docs/widget.md.
 */
export function signIdentityToken(
  identitySecret: string,
  claims: { externalId: string; nickname?: string; email?: string; avatarUrl?: string; exp: number; iat?: number },
  now: Date = new Date(),
): string {
  const { externalId, iat, ...rest } = claims;
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ sub: externalId, iat: iat ?? Math.floor(now.getTime() / 1000), ...rest }));
  return `${header}.${payload}.${base64url(hmac(identitySecret, `${header}.${payload}`))}`;
}

/** Tests only: the deprecated pre-JWT format. */
export function signLegacyIdentityToken(identitySecret: string, claims: { externalId: string; nickname?: string; email?: string; avatarUrl?: string; exp: number }): string {
  const payload = base64url(JSON.stringify(claims));
  return `${payload}.${base64url(hmac(identitySecret, payload))}`;
}

export interface VerifyIdentityOptions {
  now: Date;
  /** Told when a shop still sends the deprecated format (a warning in the log). */
  onLegacyFormat?: () => void;
}

/** The verified claims, or null for a bad signature, a missing/expired/too long `exp` or `iat`. */
export async function verifyIdentityToken(identitySecret: string, token: string, options: VerifyIdentityOptions): Promise<IdentityClaims | null> {
  const parts = token.split(".");
  if (parts.length === 3) return verifyJwt(identitySecret, token, options.now);
  if (parts.length === 2 && options.now < LEGACY_IDENTITY_TOKEN_ACCEPTED_UNTIL) {
    const claims = verifyLegacy(identitySecret, parts[0]!, parts[1]!, options.now);
    if (claims) options.onLegacyFormat?.();
    return claims;
  }
  return null;
}

async function verifyJwt(identitySecret: string, token: string, now: Date): Promise<IdentityClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(identitySecret), {
      algorithms: ["HS256"],
      requiredClaims: ["sub", "iat", "exp"],
      currentDate: now,
      clockTolerance: IDENTITY_CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_IDENTITY_TOKEN_LIFETIME_SECONDS,
    });
    const parsed = ZJwtClaims.safeParse(payload);
    if (!parsed.success) return null;
    const { sub, iat, exp, ...profile } = parsed.data;
    if (exp - iat > MAX_IDENTITY_TOKEN_LIFETIME_SECONDS || !isWithinLifetime(exp, now)) return null;
    return { externalId: sub, exp, ...profile };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}

function verifyLegacy(identitySecret: string, payload: string, signature: string, now: Date): IdentityClaims | null {
  const expected = Buffer.from(base64url(hmac(identitySecret, payload)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = ZLegacyClaims.safeParse(json);
  if (!parsed.success || parsed.data.exp * 1000 <= now.getTime() || !isWithinLifetime(parsed.data.exp, now)) return null;
  return parsed.data;
}

/** `exp` no further ahead than the maximum lifetime (plus the clock tolerance). */
function isWithinLifetime(exp: number, now: Date): boolean {
  return exp <= Math.floor(now.getTime() / 1000) + MAX_IDENTITY_TOKEN_LIFETIME_SECONDS + IDENTITY_CLOCK_TOLERANCE_SECONDS;
}
