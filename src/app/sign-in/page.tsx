import { redirect } from "next/navigation";
import { isSignUpEnabled } from "@/server/config";
import { getCurrentMember } from "@/server/http/current-member";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentMember()) redirect("/console");
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Counterpart</h1>
        <p className="mt-1 text-sm text-slate-500">Sign in to your shop&apos;s customer-service console.</p>
        <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : null} />
        {isSignUpEnabled() && (
          <p className="mt-6 text-center text-sm text-slate-500">
            New to Counterpart? <a href="/sign-up" className="font-medium text-brand-700 hover:underline">Create a shop</a>
          </p>
        )}
      </div>
    </main>
  );
}
