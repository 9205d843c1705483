// Route handlers authenticate from the request's session cookie exactly as in production
// (src/server/http/current-member.ts). A test signs a member in for real (a sign-in session row
// and a next-auth JWT, tests/factories/session-cookie.ts); every request built here (and by
// callRoute) then carries that cookie until the test signs out. No module of ours is replaced.
// The state is per test file: Vitest gives each file its own module instances.
import { NextRequest } from "next/server";
import type { Database } from "../../src/server/db/client";
import { signInCookie } from "../factories/session-cookie";

// getAuthSecret() prefers NEXTAUTH_SECRET, so the handlers decode what signInCookie encodes.
process.env.NEXTAUTH_SECRET ??= "route-tests-secret-0123456789abcdefghijklmn";

let currentCookie: string | null = null;

/** Later requests carry this member's session cookie (null: signed out). */
export async function signInAs(db: Database, member: { userId: string; shopId: string } | null): Promise<void> {
  currentCookie = member ? (await signInCookie(db, member, process.env.NEXTAUTH_SECRET!)).cookie : null;
}

/** Later requests carry no session cookie. */
export function signOut(): void {
  currentCookie = null;
}

/** Adds the current session cookie unless the headers name one already. */
export function withSessionCookie(headers: Headers): Headers {
  if (currentCookie && !headers.has("cookie")) headers.set("cookie", currentCookie);
  return headers;
}

/** `new NextRequest(url, init)` (a path resolves against http://localhost) with the current cookie. */
export function signedInRequest(url: string, init?: ConstructorParameters<typeof NextRequest>[1]): NextRequest {
  return new NextRequest(new URL(url, "http://localhost"), { ...init, headers: withSessionCookie(new Headers(init?.headers)) });
}
