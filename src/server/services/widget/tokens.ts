// Tokens of the buyer widget (WIDGET-1).
//
// Identity token: made by the SHOP's server (a JWT), see identity-token.ts.
//
// Widget token: made by US after the widget session starts; names the shop and the buyer and
// authenticates the widget's socket and uploads. Signed with the server's auth secret.
//
// Visitor id: made by US for an anonymous visitor and kept by the browser; it is the visitor's
// only credential, so it is never the client's choice: 22 random base64url characters (the key
// stored on the buyer) followed by 24 characters of HMAC over the shop id and that key. A
// client-chosen, seeded or altered id fails the check and the visitor starts afresh.
import crypto from "node:crypto";
import { z } from "zod";

const base64url = (input: Buffer | string) => Buffer.from(input).toString("base64url");

function sign(secret: string, payload: string): string {
  return base64url(crypto.createHmac("sha256", secret).update(payload).digest());
}

function verifySigned(secret: string, token: string): unknown {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export { signIdentityToken, verifyIdentityToken, type IdentityClaims } from "@/server/services/widget/identity-token";

const ZWidgetClaims = z.object({ shopId: z.uuid(), buyerId: z.uuid(), exp: z.number().int() });
export type WidgetClaims = z.infer<typeof ZWidgetClaims>;

export const WIDGET_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export function signWidgetToken(secret: string, claims: { shopId: string; buyerId: string }, now: Date): string {
  const payload = base64url(JSON.stringify({ ...claims, exp: Math.floor(now.getTime() / 1000) + WIDGET_TOKEN_TTL_SECONDS }));
  return `${payload}.${sign(`widget:${secret}`, payload)}`;
}

export function verifyWidgetToken(secret: string, token: string, now: Date): WidgetClaims | null {
  const parsed = ZWidgetClaims.safeParse(verifySigned(`widget:${secret}`, token));
  if (!parsed.success || parsed.data.exp * 1000 <= now.getTime()) return null;
  return parsed.data;
}

const VISITOR_KEY_LENGTH = 22; // 16 random bytes
const VISITOR_SIGNATURE_LENGTH = 24; // 18 bytes of HMAC-SHA256
export const SIGNED_VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{46}$/;

function visitorSignature(secret: string, shopId: string, key: string): string {
  return crypto.createHmac("sha256", `visitor:${secret}`).update(`${shopId}:${key}`).digest().subarray(0, 18).toString("base64url");
}

/** A new visitor: `visitorId` goes to the browser, `visitorKey` is stored on the buyer. */
export function issueVisitorId(secret: string, shopId: string): { visitorId: string; visitorKey: string } {
  const visitorKey = crypto.randomBytes(16).toString("base64url");
  return { visitorId: `${visitorKey}${visitorSignature(secret, shopId, visitorKey)}`, visitorKey };
}

/** The stored key of a visitor id this server issued for this shop, else null. */
export function verifyVisitorId(secret: string, shopId: string, visitorId: string): string | null {
  if (!SIGNED_VISITOR_ID_PATTERN.test(visitorId)) return null;
  const key = visitorId.slice(0, VISITOR_KEY_LENGTH);
  const expected = Buffer.from(visitorSignature(secret, shopId, key));
  const given = Buffer.from(visitorId.slice(VISITOR_KEY_LENGTH));
  return given.length === VISITOR_SIGNATURE_LENGTH && crypto.timingSafeEqual(expected, given) ? key : null;
}
