// ACCOUNT-1: the page a reset link opens. It says at once when the link no longer works.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { describePasswordResetLink } from "@/server/services/accounts/reset-password";
import { callService } from "@/server/services/call-service";
import { PASSWORD_RESET_VALID_MINUTES } from "@/shared/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
// The URL carries the token: never send it on as a referrer.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.resetPassword");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await callService(describePasswordResetLink, { token });
  const t = await getTranslations("account.resetPassword");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {link.isValid && link.email ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t.rich("forEmail", { email: () => <span data-testid="reset-email">{link.email}</span> })}</p>
            <ResetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">{t("invalidHeading")}</h1>
            <p role="alert" className="mt-2 text-sm text-slate-600">
              {t("invalidBody", { minutes: PASSWORD_RESET_VALID_MINUTES })}
            </p>
            <p className="mt-6 text-sm"><a href="/forgot-password" className="text-brand-700 hover:underline">{t("askNewLink")}</a></p>
          </>
        )}
      </div>
    </main>
  );
}
