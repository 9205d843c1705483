// Who may see a chat (CONSOLE-1, TEAM-5): the one rule. Access checks, search, lists and the
// live-event audience all follow it; their SQL is built from the same cases
// (src/server/services/console-lists/scope.ts) and tested against these functions on generated
// data, so the copies cannot drift apart again.
//
// - A member with chat access management (session:view_all) sees every chat of the shop.
// - Everyone sees a queued session (the Unassigned list).
// - A member sees the sessions they hold now, or held when it closed, and the ones they handed
//   on (an assignment from them: transferred or requeued away), so the history of their own work
//   stays readable.
// A conversation is visible when one of its sessions is. Anything else is "not found".

export interface Viewer {
  memberId: string;
  /** Granted session:view_all by the shop's chat access management (TEAM-5). */
  canSeeAll: boolean;
}

export type VisibleState = "queued" | "open" | "ended" | "expired";

export interface SessionVisibilityFacts {
  state: VisibleState;
  assigneeId: string | null;
  /** fromMemberId of every assignment of this session (null for a take from the queue). */
  handedOnBy: ReadonlyArray<string | null>;
}

/** In one of the viewer's lists right now (Assigned, Unassigned, All open, History). */
export function isListedFor(viewer: Viewer, session: Pick<SessionVisibilityFacts, "state" | "assigneeId">): boolean {
  return viewer.canSeeAll || session.state === "queued" || session.assigneeId === viewer.memberId;
}

export function canSeeSession(viewer: Viewer, session: SessionVisibilityFacts): boolean {
  return isListedFor(viewer, session) || session.handedOnBy.includes(viewer.memberId);
}

export function canSeeConversation(viewer: Viewer, sessions: ReadonlyArray<SessionVisibilityFacts>): boolean {
  return viewer.canSeeAll || sessions.some((session) => canSeeSession(viewer, session));
}

/**
 * Who hears a session's live events: every viewer for whom it is listed. `everyone` is the whole
 * shop (a queued session); otherwise the holder and the members with chat access management.
 */
export interface LiveAudience {
  everyone: boolean;
  memberIds: string[];
  allChatsViewers: boolean;
}

export function liveAudience(session: Pick<SessionVisibilityFacts, "state" | "assigneeId">): LiveAudience {
  if (session.state === "queued") return { everyone: true, memberIds: [], allChatsViewers: true };
  return { everyone: false, memberIds: session.assigneeId ? [session.assigneeId] : [], allChatsViewers: true };
}

/** Does `viewer` belong to `audience`? The counterpart of the rooms a console socket joins. */
export function isInAudience(viewer: Viewer, audience: LiveAudience): boolean {
  return audience.everyone || audience.memberIds.includes(viewer.memberId) || (audience.allChatsViewers && viewer.canSeeAll);
}
