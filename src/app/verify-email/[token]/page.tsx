// SHOP-3: the link in the verification mail. Opening it changes nothing (mail scanners open
// links); the button confirms, so the address is proven by the person who reads the mail.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailButton } from "@/components/onboarding/confirm-email-button";

export const dynamic = "force-dynamic";
// The token is in the path: never send it to another site in a Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.verifyEmail");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("account.verifyEmail");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-semibold tracking-tight text-brand-700">Counterpart</p>
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        <ConfirmEmailButton token={token} />
      </div>
    </main>
  );
}
