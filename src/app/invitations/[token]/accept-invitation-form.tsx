"use client";

// TEAM-2: accept an invitation. A new person picks a nickname and a password; someone who has a
// Counterpart account already confirms with their password (or just confirms when signed in as
// that account) and keeps it. Then they are signed in to the shop they joined.
import { signIn, useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useAccountText } from "@/components/account/account-text";
import { PASSWORD_MIN_LENGTH, basicPasswordProblems } from "@/shared/auth-schemas";
import { ZAcceptInvitationSchema } from "@/shared/team";
import { zodFieldErrors } from "@/shared/validation";

type FieldErrorMap = Record<string, string[] | undefined>;

export function AcceptInvitationForm(props: {
  token: string;
  email: string;
  shopName: string;
  account: "new_account" | "existing_account";
  isSignedInAsInvitee: boolean;
  suggestedNickname: string;
}) {
  const router = useRouter();
  const { update } = useSession();
  const t = useTranslations("account");
  const text = useAccountText();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap>({});
  const [isSubmitting, setIsSubmitting] = useState(false);
  const isNew = props.account === "new_account";
  const needsPassword = isNew || !props.isSignedInAsInvitee;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const input = {
      nickname: String(form.get("nickname") ?? ""),
      ...(needsPassword ? { password: String(form.get("password") ?? "") } : {}),
      ...(isNew ? { confirmPassword: String(form.get("confirmPassword") ?? "") } : {}),
    };
    const parsed = ZAcceptInvitationSchema.safeParse(input);
    const errors: FieldErrorMap = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (isNew) {
      const problems = basicPasswordProblems(input.password ?? "", props.email);
      if (problems.length > 0) errors.password = problems;
    } else if (needsPassword && !input.password) {
      errors.password = ["Enter the password of your Counterpart account"];
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    setIsSubmitting(true);
    const response = await fetch(`/invitations/${encodeURIComponent(props.token)}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as
      | { data?: { shopId: string }; error?: { message: string; fieldErrors?: FieldErrorMap } }
      | null;
    if (!response?.ok || !body?.data) {
      setIsSubmitting(false);
      setFieldErrors(body?.error?.fieldErrors ?? {});
      setError(text(body?.error?.message ?? "Could not reach the server. Check your connection and try again.") ?? null);
      return;
    }
    // Sign in (or stay signed in) and open the shop just joined.
    if (needsPassword) {
      const result = await signIn("credentials", { email: props.email, password: input.password, redirect: false });
      if (!result || result.error) {
        setIsSubmitting(false);
        setError(t("invitation.joinedButSignInFailed"));
        return;
      }
    }
    await update({ shopId: body.data.shopId });
    router.replace("/console");
    router.refresh();
  }

  const errorOf = (field: string) => text(fieldErrors[field]?.[0]);
  return (
    <form className="mt-6 space-y-4" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="username" value={props.email} autoComplete="username" />
      <div>
        <label htmlFor="nickname" className="block text-sm font-medium text-slate-700">{t("invitation.nickname")}</label>
        <input id="nickname" name="nickname" defaultValue={props.suggestedNickname} maxLength={40} required autoComplete="nickname"
          aria-invalid={Boolean(errorOf("nickname"))} aria-describedby="nickname-hint"
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
        <p id="nickname-hint" className={`mt-1 text-xs ${errorOf("nickname") ? "text-red-600" : "text-slate-500"}`}>
          {errorOf("nickname") ?? t("invitation.nicknameHint")}
        </p>
      </div>
      {needsPassword && (
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-700">{isNew ? t("invitation.choosePassword") : t("invitation.currentPassword")}</label>
          <input id="password" name="password" type="password" required autoComplete={isNew ? "new-password" : "current-password"}
            aria-invalid={Boolean(errorOf("password"))} aria-describedby="password-hint"
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
          <p id="password-hint" className={`mt-1 text-xs ${errorOf("password") ? "text-red-600" : "text-slate-500"}`}>
            {errorOf("password") ?? (isNew ? t("password.hint", { min: PASSWORD_MIN_LENGTH }) : t("invitation.existingAccountHint", { shop: props.shopName }))}
          </p>
        </div>
      )}
      {isNew && (
        <div>
          <label htmlFor="confirmPassword" className="block text-sm font-medium text-slate-700">{t("invitation.repeatPassword")}</label>
          <input id="confirmPassword" name="confirmPassword" type="password" required autoComplete="new-password"
            aria-invalid={Boolean(errorOf("confirmPassword"))} aria-describedby={errorOf("confirmPassword") ? "confirm-error" : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none" />
          {errorOf("confirmPassword") && <p id="confirm-error" className="mt-1 text-xs text-red-600">{errorOf("confirmPassword")}</p>}
        </div>
      )}
      {!needsPassword && <p className="text-sm text-slate-600">{t("invitation.signedInAs", { email: props.email })}</p>}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={isSubmitting}
        className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t("invitation.submitting") : isNew ? t("invitation.submitNew") : t("invitation.submitExisting", { shop: props.shopName })}
      </button>
    </form>
  );
}
