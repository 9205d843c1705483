// ACCOUNT-1: "Forgot password?" — ask for a link to set a new password.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

// Rendered per request: the page CSP's script nonce is per response (security-headers.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.forgotPassword");
  return { title: t("metaTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account.forgotPassword");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm"><a href="/sign-in" className="text-brand-700 hover:underline">{t("backToSignIn")}</a></p>
      </div>
    </main>
  );
}
