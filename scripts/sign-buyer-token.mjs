#!/usr/bin/env node
// Makes a Counterpart buyer identity token, as a shop's server does for a signed-in customer
// (docs/widget.md, WIDGET-1): a standard JWT signed HS256 with the shop's identity secret, made
// here with `jose`; any JWT library in any language makes the same token.
//
//   node scripts/sign-buyer-token.mjs <identity-secret> <customer-id> [nickname] [email] [ttl-seconds]
//   node scripts/sign-buyer-token.mjs demo-identity-secret-change-me cust-1001 mia_reads
//
// claims: { sub: customer id, iat, exp, nickname?, email?, avatarUrl? }  (iat, exp: Unix seconds)
// The server refuses tokens without iat or exp and tokens living longer than 24 hours
// (exp - iat > 86400 s, or exp more than 24 h ahead), so ttl-seconds is at most 86400.
import { SignJWT } from "jose";

export const MAX_TTL_SECONDS = 24 * 3600;

export async function signBuyerToken(identitySecret, { externalId, nickname, email, avatarUrl, ttlSeconds = 3600 }) {
  const profile = {};
  if (nickname) profile.nickname = nickname;
  if (email) profile.email = email;
  if (avatarUrl) profile.avatarUrl = avatarUrl;
  return new SignJWT(profile)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(externalId)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(new TextEncoder().encode(identitySecret));
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const [secret, externalId, nickname, email, ttl = "3600"] = process.argv.slice(2);
  const ttlSeconds = Number(ttl);
  if (!secret || !externalId || !Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    console.error("Usage: node scripts/sign-buyer-token.mjs <identity-secret> <customer-id> [nickname] [email] [ttl-seconds, 1-86400]");
    process.exit(1);
  }
  console.log(await signBuyerToken(secret, { externalId, nickname, email, ttlSeconds }));
}
