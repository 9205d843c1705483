#!/usr/bin/env node
// Makes a Counterpart buyer identity token, as a shop's server does for a signed-in customer
// (docs/widget.md, WIDGET-1). Only node:crypto; port the ten lines to any language.
//
//   node scripts/sign-buyer-token.mjs <identity-secret> <customer-id> [nickname] [email] [ttl-seconds]
//   node scripts/sign-buyer-token.mjs demo-identity-secret-change-me cust-1001 mia_reads
//
// token = base64url(JSON claims) + "." + base64url(HMAC-SHA256(identity secret, that base64url text))
// claims: { externalId, nickname?, email?, avatarUrl?, exp }  (exp: Unix seconds)
import crypto from "node:crypto";

export function signBuyerToken(identitySecret, claims) {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  const signature = crypto.createHmac("sha256", identitySecret).update(payload).digest("base64url");
  return `${payload}.${signature}`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const [secret, externalId, nickname, email, ttl = "3600"] = process.argv.slice(2);
  if (!secret || !externalId) {
    console.error("Usage: node scripts/sign-buyer-token.mjs <identity-secret> <customer-id> [nickname] [email] [ttl-seconds]");
    process.exit(1);
  }
  const claims = { externalId, exp: Math.floor(Date.now() / 1000) + Number(ttl) };
  if (nickname) claims.nickname = nickname;
  if (email) claims.email = email;
  console.log(signBuyerToken(secret, claims));
}
