// TEAM-2: what the activation page shows: the invitation as describeInvitation words it, and
// whether the person is already signed in as the invitee (then a confirmation is enough).
import type { Database } from "@/server/db/client";
import { describeInvitation } from "@/server/services/team/describe-invitation";
import type { InvitationViewDto } from "@/shared/team";

export async function loadInvitationView(
  db: Database,
  input: { token: string; sessionUserId: string | null; now?: Date },
): Promise<{ view: InvitationViewDto; isSignedInAsInvitee: boolean }> {
  const [view, sessionUser] = await Promise.all([
    describeInvitation(db, { token: input.token, now: input.now }),
    input.sessionUserId ? db.user.findUnique({ where: { id: input.sessionUserId }, select: { email: true } }) : null,
  ]);
  return { view, isSignedInAsInvitee: view.status === "pending" && sessionUser?.email === view.email };
}
