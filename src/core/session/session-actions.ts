// Who may act on a session, and in which state (CHAT-2, CHAT-5, CHAT-6, CHAT-7, ASSIGN-5,
// CONSOLE-3, TEAM-5). Services call `assertSessionAction` inside the transaction, after locking
// the conversation, on the session row they just re-read: the check and the change see the same
// holder, so a former holder can do nothing once a transfer has committed (issue 9).
//
// The states come from the transition table (state-machine.ts): an action that changes the state
// is legal where its event is; a reply needs a holder, i.e. a state a transfer can leave from.
import { AppError } from "../errors";
import { canTransition, transitionSession, type SessionState } from "./state-machine";

export const SESSION_ACTIONS = ["end", "reply", "transfer", "assign", "star", "set_category"] as const;
export type SessionAction = (typeof SESSION_ACTIONS)[number];

export interface SessionActor {
  memberId: string;
  /** Chat access management (TEAM-5): session:transfer_any / session:view_all. */
  managesAllChats: boolean;
}

export interface ActedSession {
  state: SessionState;
  assigneeId: string | null;
}

/** A session someone holds: open, the only state a transfer leaves from. */
export function isHeldState(state: SessionState): boolean {
  return canTransition(state, "transfer");
}

const heldByOther = (session: ActedSession, actor: SessionActor) =>
  isHeldState(session.state) && session.assigneeId !== actor.memberId && !actor.managesAllChats;

/**
 * Throws the AppError the action gets, or returns when it is allowed. The caller has already
 * checked the role's permission (session:end, ...) and that the actor may see the conversation.
 * - end: queued by anyone (everyone sees Unassigned); open by its holder or chat access
 *   management; closed: ILLEGAL_TRANSITION.
 * - reply: an open session, by its holder or chat access management (an owner or admin steps in,
 *   issue 10; the chat stays with its holder unless they "Transfer to me").
 * - transfer: an open session, by its holder or chat access management.
 * - assign: a queued session.
 * - star, set_category: not on an open session held by someone else, unless managing all chats.
 */
export function assertSessionAction(action: SessionAction, session: ActedSession, actor: SessionActor): void {
  switch (action) {
    case "end":
      if (heldByOther(session, actor)) throw new AppError("FORBIDDEN", "Only the member holding this chat can end it.");
      transitionSession(session.state, "end");
      return;
    case "reply":
      if (canTransition(session.state, "assign")) throw new AppError("CONFLICT", "This chat is waiting in Unassigned. Assign it to yourself to reply.");
      if (!isHeldState(session.state)) throw new AppError("CONFLICT", "This chat is closed. A new session starts when the buyer writes again.");
      if (heldByOther(session, actor)) throw new AppError("FORBIDDEN", "This chat is assigned to another member. Ask for a transfer to reply.");
      return;
    case "transfer":
      if (!canTransition(session.state, "transfer")) throw new AppError("CONFLICT", "Only an ongoing chat can be transferred.");
      if (heldByOther(session, actor)) throw new AppError("FORBIDDEN", "You can only transfer your own chats.");
      return;
    case "assign":
      if (!canTransition(session.state, "assign")) {
        throw new AppError("CONFLICT", isHeldState(session.state) ? "Someone has already taken this chat." : "This chat is closed.");
      }
      return;
    case "star":
    case "set_category":
      if (heldByOther(session, actor)) throw new AppError("FORBIDDEN", "This chat is held by another member.");
      return;
  }
}

export function canActOnSession(action: SessionAction, session: ActedSession, actor: SessionActor): boolean {
  try {
    assertSessionAction(action, session, actor);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
