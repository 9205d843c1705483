// ACCOUNT-1: "Forgot password?" — ask for a link to set a new password.
import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

// Rendered per request: the page CSP's script nonce is per response (security-headers.ts).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forgot password · Counterpart" };

export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
        <p className="mt-1 text-sm text-slate-500">Enter the email you sign in with. We will email you a link to choose a new password.</p>
        <ForgotPasswordForm />
        <p className="mt-6 text-sm"><a href="/sign-in" className="text-brand-700 hover:underline">Back to sign-in</a></p>
      </div>
    </main>
  );
}
