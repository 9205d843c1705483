// TEAM-3: why the console sent a member to the sign-in page. The server names a reason from this
// fixed set (the access.revoked event), the console puts only the code in the URL
// (/sign-in?reason=deactivated), and the sign-in page shows the sentence for a known code and
// nothing for anything else: text from the URL is never rendered. A role change does not sign
// anyone out (the console reconnects with the new permissions), so it has no reason here.

export const SIGN_OUT_REASONS = {
  deactivated: {
    title: "Your access was deactivated",
    body: "The shop owner deactivated your account in this shop, so you were signed out and your open chats went back to the queue. Ask the owner to reactivate you, then sign in again.",
  },
  removed: {
    title: "You were removed from the shop",
    body: "The shop owner removed you from the team, so you were signed out. If this is a mistake, ask the owner to invite you again.",
  },
  signed_out: {
    title: "You signed out",
    body: "This browser was signed out. Sign in again to continue.",
  },
  signed_out_everywhere: {
    title: "You signed out on every device",
    body: "Someone using your account chose \u201csign out everywhere\u201d. Sign in again to continue; if it was not you, change your password.",
  },
  password_changed: {
    title: "Your password was changed",
    body: "The password of this account was changed or reset, so every other sign-in ended. Sign in with the new password; if you did not change it, reset it now.",
  },
  expired: {
    title: "Your sign-in expired",
    body: "Sign-ins last at most 7 days. Sign in again to continue.",
  },
} as const satisfies Record<string, { title: string; body: string }>;

export type SignOutReason = keyof typeof SIGN_OUT_REASONS;

/** The explanation for a reason code from the URL, or null for anything not in the fixed set. */
export function explainSignOut(value: unknown): { reason: SignOutReason; title: string; body: string } | null {
  if (typeof value !== "string" || !Object.hasOwn(SIGN_OUT_REASONS, value)) return null;
  const reason = value as SignOutReason;
  return { reason, ...SIGN_OUT_REASONS[reason] };
}

/** The sign-in page's address for a reason (the console goes there when its access ends). */
export function signInUrlFor(reason: SignOutReason | null | undefined): string {
  return reason && Object.hasOwn(SIGN_OUT_REASONS, reason) ? `/sign-in?reason=${reason}` : "/sign-in";
}
