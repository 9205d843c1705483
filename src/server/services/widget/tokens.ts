// Tokens of the buyer widget (WIDGET-1).
//
// Identity token: made by the SHOP's server so that a signed-in customer chats as themselves.
//   payload = base64url(JSON.stringify({ externalId, nickname?, email?, avatarUrl?, exp }))
//   token   = payload + "." + base64url(HMAC-SHA256(shop identity secret, payload))
// `exp` is a Unix time in seconds. Nobody without the shop's secret can pose as another buyer.
//
// Widget token: made by US after the widget session starts; names the shop and the buyer and
// authenticates the widget's socket and uploads. Signed with the server's auth secret.
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

export const ZIdentityClaims = z.object({
  externalId: z.string().trim().min(1).max(128),
  nickname: z.string().trim().min(1).max(60).optional(),
  email: z.email().max(200).optional(),
  avatarUrl: z.url().max(500).optional(),
  exp: z.number().int().positive(),
});
export type IdentityClaims = z.infer<typeof ZIdentityClaims>;

/** For shops (and tests): how to make an identity token. */
export function signIdentityToken(identitySecret: string, claims: IdentityClaims): string {
  const payload = base64url(JSON.stringify(claims));
  return `${payload}.${sign(identitySecret, payload)}`;
}

export function verifyIdentityToken(identitySecret: string, token: string, now: Date): IdentityClaims | null {
  const parsed = ZIdentityClaims.safeParse(verifySigned(identitySecret, token));
  if (!parsed.success || parsed.data.exp * 1000 <= now.getTime()) return null;
  return parsed.data;
}

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
