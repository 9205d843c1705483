// TEAM-2: the activation link. Shows who invited the person to which shop and asks for what is
// needed: a nickname and a new password, or (for an existing account) their current password or
// just a confirmation when they are signed in already. Expired, used, revoked and unknown links
// each say so.
import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { getAuthOptions } from "@/server/auth/auth-options";
import { callService } from "@/server/services/call-service";
import { loadInvitationView } from "@/server/services/team/load-invitation-view";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const dynamic = "force-dynamic";
// The token is in the path: never send it to another site in a Referer header.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.invitation");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/** The sentence for each problem with a link (the service's INVITATION_MESSAGES, in the page's language). */
const PROBLEM_KEYS: Record<string, string> = {
  invalid: "invitationInvalid",
  revoked: "invitationRevoked",
  used: "invitationUsed",
  expired: "invitationExpired",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getServerSession(getAuthOptions()).catch(() => null);
  const { view, isSignedInAsInvitee } = await callService(loadInvitationView, { token, sessionUserId: session?.userId ?? null });
  const t = await getTranslations("account");

  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-lg font-semibold tracking-tight text-brand-700">Counterpart</p>
        {view.status === "pending" ? (
          <>
            <h1 className="mt-4 text-2xl font-semibold tracking-tight">{t("invitation.heading", { shop: view.shopName })}</h1>
            <p className="mt-1 text-sm text-slate-500">
              {t.rich("invitation.invitedAs", {
                role: view.role === "admin" ? "admin" : "agent",
                email: () => <span className="font-medium text-slate-700" data-testid="invitation-email">{view.email}</span>,
              })}
            </p>
            <AcceptInvitationForm
              token={token}
              email={view.email}
              shopName={view.shopName}
              account={view.account}
              isSignedInAsInvitee={isSignedInAsInvitee}
              suggestedNickname={view.suggestedNickname}
            />
          </>
        ) : (
          <>
            <h1 className="mt-4 text-2xl font-semibold tracking-tight">
              {t(`invitation.${view.status}`)}
            </h1>
            <p role="alert" data-testid="invitation-problem" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{PROBLEM_KEYS[view.status] ? t(`serverErrors.${PROBLEM_KEYS[view.status]}`) : view.message}</p>
            <a href="/sign-in" className="mt-6 inline-block text-sm font-medium text-brand-700 hover:underline">{t("invitation.goToSignIn")}</a>
          </>
        )}
      </div>
    </main>
  );
}
