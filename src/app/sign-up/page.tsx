// SHOP-1: the public sign-up page. With SIGNUP_ENABLED=false it does not exist (404).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currencyChoices, PRODUCT_LANGUAGES, timeZoneChoices } from "@/core/shop/onboarding";
import { isSignUpEnabled } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.signUp");
  return { title: t("metaTitle") };
}

export default async function SignUpPage() {
  if (!isSignUpEnabled()) notFound();
  const member = await getCurrentMember();
  const t = await getTranslations("account.signUp");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {t("intro")}
        </p>
        {member && (
          <p className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800" data-testid="signed-in-note">
            {t("signedInNote", { email: member.email })}
          </p>
        )}
        <SignUpForm
          signedInEmail={member?.email ?? null}
          currencies={currencyChoices()}
          timeZones={timeZoneChoices()}
          languages={PRODUCT_LANGUAGES.map((language) => ({ code: language.code, label: language.label }))}
        />
        <p className="mt-6 text-center text-sm text-slate-500">
          {t("haveAccount")} <a href="/sign-in" className="font-medium text-brand-700 hover:underline">{t("signIn")}</a>
        </p>
      </div>
    </main>
  );
}
