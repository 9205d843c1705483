// SHOP-1: the public sign-up page. With SIGNUP_ENABLED=false it does not exist (404).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currencyChoices, PRODUCT_LANGUAGES, timeZoneChoices } from "@/core/shop/onboarding";
import { isSignUpEnabled } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { SignUpForm } from "./sign-up-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Create your shop · Counterpart" };

export default async function SignUpPage() {
  if (!isSignUpEnabled()) notFound();
  const member = await getCurrentMember();
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Create your shop on Counterpart</h1>
        <p className="mt-1 text-sm text-slate-500">
          Chat with your buyers from one console. You become the shop&apos;s owner and can invite your team afterwards.
        </p>
        {member && (
          <p className="mt-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800" data-testid="signed-in-note">
            You are signed in as {member.email}. To add another shop to this account, keep this email and enter its password.
          </p>
        )}
        <SignUpForm
          signedInEmail={member?.email ?? null}
          currencies={currencyChoices()}
          timeZones={timeZoneChoices()}
          languages={PRODUCT_LANGUAGES.map((language) => ({ code: language.code, label: language.label }))}
        />
        <p className="mt-6 text-center text-sm text-slate-500">
          Already have an account? <a href="/sign-in" className="font-medium text-brand-700 hover:underline">Sign in</a>
        </p>
      </div>
    </main>
  );
}
