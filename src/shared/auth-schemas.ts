// Sign-in input, the rules for a new password and the safe return path after sign-in, shared by
// the browser forms and the server.
import { z } from "zod";

export const ZSignInSchema = z.object({
  // Trim and lower-case first, then check: pasted addresses often carry spaces or capitals.
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(200),
});
export type TSignIn = z.infer<typeof ZSignInSchema>;

/** Codes next-auth carries back to the sign-in page; the page turns them into sentences. */
export const SIGN_IN_ERRORS = {
  invalid_credentials: "The email or password is incorrect.",
  deactivated: "Your access has been deactivated. Ask the shop owner to activate you again.",
  no_shop: "You are not an active member of any shop yet. Use the link in your invitation email.",
  rate_limited: "Too many attempts. Try again later.",
} as const;
export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

/** The page's sentence for next-auth's `error`; "rate_limited:N" carries the wait in minutes. */
export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  const limited = /^rate_limited:(\d{1,4})$/.exec(code);
  if (limited) {
    const minutes = Number(limited[1]);
    return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  }
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code as SignInErrorCode] : SIGN_IN_ERRORS.invalid_credentials;
}

// ─── Session lifetime (issue 15 item 4) ──────────────────────────────────────

/** Absolute: a sign-in ends this long after the password was checked, however active. */
export const SESSION_LIFETIME_DAYS = 7;
/** Idle: the cookie lapses after this long without a request (each request renews it). */
export const SESSION_IDLE_HOURS = 12;

// ─── After sign-in (issue 15 item 7) ─────────────────────────────────────────

/**
 * Where to go after signing in: a path of this app, never another host. `url` may be relative
 * or absolute on `origin`; anything else (another host, "//host", "/\host", a javascript: URL,
 * something that does not parse) gives `fallback`. Never throws.
 */
export function safeCallbackUrl(url: string | null | undefined, origin: string, fallback = "/"): string {
  if (typeof url !== "string" || url.length === 0 || url.length > 2000) return fallback;
  // Browsers read "\" as "/" and drop tabs and newlines, so "/\evil.example" and "/<tab>/evil"
  // lead off-site; refuse them before parsing.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(url)) return fallback;
  try {
    const base = new URL(origin);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return fallback;
    const path = `${target.pathname}${target.search}${target.hash}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}

// ─── New passwords (TEAM-1, issue 15 item 4) ─────────────────────────────────

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** What the form says before anyone types: the rules the server checks, in one sentence. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not your email, and not a common or easily guessed password.`;

/**
 * The checks that need no dictionary, so the browser can run them as the person types: the
 * length (in characters, not UTF-16 units), not only white space, not the email and not
 * containing the part before the "@". The server adds a strength estimate
 * (src/server/auth/password-strength.ts).
 */
export function basicPasswordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
  if (password.length > 0 && password.trim().length === 0) problems.push("Use letters, digits or symbols, not only spaces");
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0] ?? "";
  if (address.length > 0 && lowered.includes(address)) problems.push("Do not use your email address in your password");
  else if (localPart.length >= 3 && lowered.includes(localPart)) problems.push(`Do not use "${localPart}" from your email address in your password`);
  return problems;
}
