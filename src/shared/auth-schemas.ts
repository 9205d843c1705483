// Sign-in input, shared by the sign-in form and the server.
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
} as const;
export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;

export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  return code in SIGN_IN_ERRORS ? SIGN_IN_ERRORS[code as SignInErrorCode] : SIGN_IN_ERRORS.invalid_credentials;
}
