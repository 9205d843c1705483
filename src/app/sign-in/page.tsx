import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isSignUpEnabled } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { explainSignOut } from "@/core/sign-out-reason";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, reason, reset } = await searchParams;
  // TEAM-3: only a code from the fixed set is explained; any other text in the URL is ignored.
  const signedOut = explainSignOut(reason);
  if (await getCurrentMember()) redirect("/console");
  const t = await getTranslations("account");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Counterpart</h1>
        <p className="mt-1 text-sm text-slate-500">{t("signIn.intro")}</p>
        {signedOut && (
          <div role="alert" data-testid="sign-out-reason" className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <p className="font-medium">{t(`signOut.${signedOut.reason}.title`)}</p>
            <p className="mt-0.5">{t(`signOut.${signedOut.reason}.body`)}</p>
          </div>
        )}
        {reset === "done" && (
          <p role="status" className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("signIn.passwordChanged")}</p>
        )}
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : null} />
        <p className="mt-4 text-center text-sm"><a href="/forgot-password" className="text-brand-700 hover:underline">{t("signIn.forgotPassword")}</a></p>
        {isSignUpEnabled() && (
          <p className="mt-6 text-center text-sm text-slate-500">
            {t("signIn.newToCounterpart")} <a href="/sign-up" className="font-medium text-brand-700 hover:underline">{t("signIn.createShop")}</a>
          </p>
        )}
      </div>
    </main>
  );
}
