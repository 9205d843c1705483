// The realtime events that follow a change of a session's holder or state.
import type { Database } from "@/server/db/client";
import type { Tx } from "@/server/services/messaging/append-message";
import { SESSION_ASSIGNEE_INCLUDE, toMessageDto, toSessionDto, toWidgetSessionDto, type MessageRow, type SessionRow } from "@/server/services/messaging/message-dto";
import { toConsole, toWidget, type OutgoingEvent } from "@/server/realtime/publish";
import { consoleAudience, rooms } from "@/server/realtime/rooms";
import type { SessionChangedEvent } from "@/shared/events";

export async function sessionChangeEvents(
  db: Database | Tx,
  input: {
    shopId: string;
    sessionIds: string[];
    change: SessionChangedEvent["change"];
    /** Extra console rooms that must hear it (the previous holder, the Unassigned list). */
    alsoNotify?: (sessionId: string) => string[];
    notes?: Map<string, MessageRow>;
    /** Who moved the chats, on "assigned" and "transferred" (null: routing). */
    actorMemberId?: string | null;
  },
): Promise<OutgoingEvent[]> {
  if (input.sessionIds.length === 0) return [];
  const sessions = await db.chatSession.findMany({
    where: { id: { in: input.sessionIds }, shopId: input.shopId },
    include: { ...SESSION_ASSIGNEE_INCLUDE, conversation: { select: { buyerId: true } } },
  });
  return sessionChangeEventsOf(sessions, input);
}

/**
 * The same events from sessions the caller already has, each with its assignee's name and its
 * buyer (the drain has them from its own writes and need not read a thousand sessions again).
 */
export function sessionChangeEventsOf(
  sessions: ReadonlyArray<SessionRow & { conversation: { buyerId: string } }>,
  input: Pick<Parameters<typeof sessionChangeEvents>[1], "shopId" | "change" | "alsoNotify" | "notes" | "actorMemberId">,
): OutgoingEvent[] {
  const events: OutgoingEvent[] = [];
  for (const session of sessions) {
    const audience = [...new Set([...consoleAudience({ shopId: input.shopId, state: session.state, assigneeId: session.assigneeId }), ...(input.alsoNotify?.(session.id) ?? [])])];
    const note = input.notes?.get(session.id);
    if (note) {
      const message = toMessageDto(note);
      events.push(toConsole(audience, "message.created", { conversationId: session.conversationId, message }));
      events.push(toWidget(session.conversation.buyerId, "message.created", { conversationId: session.conversationId, message }));
    }
    const actor = input.actorMemberId !== undefined ? { actorMemberId: input.actorMemberId } : {};
    events.push(toConsole(audience, "session.changed", { session: toSessionDto(session), change: input.change, ...actor }));
    events.push(toWidget(session.conversation.buyerId, "session.changed", { session: toWidgetSessionDto(session) }));
  }
  return events;
}

/** A session leaving the Unassigned list must disappear from everyone's list. */
export const fromQueue = (shopId: string) => () => [rooms.shop(shopId)];
