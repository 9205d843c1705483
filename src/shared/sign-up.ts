// SHOP-1: the sign-up form's fields, shared by the browser form and the server (one message for
// each mistake on both sides). The password's strength is checked on the server only
// (src/server/auth/password-strength.ts); the form runs basicPasswordProblems as the person types.
import { z } from "zod";
import { isIanaTimeZone, isKnownCurrency, isProductLanguage, PRODUCT_LANGUAGES } from "@/core/shop/onboarding";
import { safeLine } from "@/shared/zod-primitives";
import { ZEmail, ZNickname } from "@/shared/team";

export const SHOP_NAME_MAX_LENGTH = 80;

export const ZShopName = safeLine()
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Enter your shop's name").max(SHOP_NAME_MAX_LENGTH, `Use at most ${SHOP_NAME_MAX_LENGTH} characters`));

export const ZShopLocale = z.object({
  currency: z.string().trim().toUpperCase().refine(isKnownCurrency, "Choose a currency from the list (an ISO 4217 code such as USD)"),
  timeZone: z.string().trim().refine(isIanaTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Berlin)"),
  defaultLanguage: z.string().refine(isProductLanguage, `Choose a language from the list (${PRODUCT_LANGUAGES.map((l) => l.label).join(", ")})`),
});

export const ZShopFields = z.object({ shopName: ZShopName }).extend(ZShopLocale.shape);

export const ZSignUp = z
  .object({
    /** The person's name; also their first nickname in the shop (buyers see it, never the email). */
    name: ZNickname,
    email: ZEmail,
    password: z.string().min(1, "Enter a password").max(200, "Use at most 200 characters"),
  })
  .extend(ZShopFields.shape);
export type TSignUp = z.input<typeof ZSignUp>;

export interface SignUpResultDto {
  shopId: string;
  shopName: string;
  /** False when the email already had an account and the new shop was added to it. */
  isNewAccount: boolean;
  /** Whether a verification mail went out (false when the address was proven already). */
  verificationSent: boolean;
}

export const SIGN_UP_DISABLED_MESSAGE = "Sign-up is turned off on this server. Ask the operator for an invitation.";
