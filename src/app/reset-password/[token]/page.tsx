// ACCOUNT-1: the page a reset link opens. It says at once when the link no longer works.
import type { Metadata } from "next";
import { describePasswordResetLink } from "@/server/services/accounts/reset-password";
import { callService } from "@/server/services/call-service";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";
// The URL carries the token: never send it on as a referrer.
export const metadata: Metadata = { title: "Set a new password · Counterpart", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await callService(describePasswordResetLink, { token });
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {link.isValid && link.email ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">Set a new password</h1>
            <p className="mt-1 text-sm text-slate-500">For <span data-testid="reset-email">{link.email}</span>. You will be signed out everywhere.</p>
            <ResetPasswordForm token={token} email={link.email} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
            <p role="alert" className="mt-2 text-sm text-slate-600">
              It was used already, it expired (links work for 30 minutes), or a newer one was sent.
            </p>
            <p className="mt-6 text-sm"><a href="/forgot-password" className="text-brand-700 hover:underline">Ask for a new link</a></p>
          </>
        )}
      </div>
    </main>
  );
}
