// ACCOUNT-1, ACCOUNT-2: the inputs of "forgot password", "set a new password" and "change
// password", shared by the browser forms and the server. The strength rules are checked on the
// server too (src/server/auth/password-strength.ts).
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/shared/auth-schemas";

/** ACCOUNT-1: a reset link works once, for this long. */
export const PASSWORD_RESET_VALID_MINUTES = 30;

export const ZRequestPasswordReset = z.object({
  email: z.string().max(320, "Enter a valid email address").trim().toLowerCase().pipe(z.email("Enter a valid email address")),
}).strict();
export type TRequestPasswordReset = z.infer<typeof ZRequestPasswordReset>;

const newPassword = z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZResetPassword = z.object({
  password: newPassword,
  confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
}).strict().refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX_LENGTH),
  newPassword,
  confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
}).strict().refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** The one answer to "forgot password", whether or not the account exists. */
export const PASSWORD_RESET_REQUESTED =
  "If an account uses that email, we sent it a link to set a new password. The link works once, for 30 minutes.";
