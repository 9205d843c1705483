// Services return the events their change causes; adapters hand them here after the
// transaction commits. With the Redis adapter, rooms span every node (NF-2).
import type { ConsoleEventName, ConsoleServerToClientEvents, EventPayload, WidgetEventName, WidgetServerToClientEvents } from "@/shared/events";
import { getRealtime } from "@/server/realtime/registry";
import { rooms } from "@/server/realtime/rooms";
import type { SignOutReason } from "@/core/sign-out-reason";

/** One event for console rooms or a buyer's widgets, its payload typed by its name. */
export type OutgoingEvent =
  | { [E in ConsoleEventName]: { target: "console"; rooms: string[]; event: E; payload: EventPayload<ConsoleServerToClientEvents, E> } }[ConsoleEventName]
  | { [E in WidgetEventName]: { target: "widget"; buyerId: string; event: E; payload: EventPayload<WidgetServerToClientEvents, E> } }[WidgetEventName]
  | { [E in WidgetEventName]: { target: "widget_shop"; shopId: string; event: E; payload: EventPayload<WidgetServerToClientEvents, E> } }[WidgetEventName];

export function toConsole<E extends ConsoleEventName>(
  targetRooms: string[],
  event: E,
  payload: Parameters<ConsoleServerToClientEvents[E]>[0],
): OutgoingEvent {
  return { target: "console", rooms: targetRooms, event, payload } as OutgoingEvent;
}

export function toWidget<E extends WidgetEventName>(
  buyerId: string,
  event: E,
  payload: Parameters<WidgetServerToClientEvents[E]>[0],
): OutgoingEvent {
  return { target: "widget", buyerId, event, payload } as OutgoingEvent;
}

/** WIDGET-4: one event for every widget of a shop (its buyers' room). */
export function toWidgetShop<E extends WidgetEventName>(
  shopId: string,
  event: E,
  payload: Parameters<WidgetServerToClientEvents[E]>[0],
): OutgoingEvent {
  return { target: "widget_shop", shopId, event, payload } as OutgoingEvent;
}

/**
 * CHAT-3 order. Live message.created events of one conversation must leave in sequence order.
 * Services guarantee it by construction: they build their events inside the transaction that
 * appended the messages (under the conversation's row lock, which hands out the numbers) and
 * the adapter publishes them synchronously the moment the commit returns, with no await in
 * between, so in one process a later number cannot overtake an earlier one (the queue drain
 * publishes each batch's notes the same way). This watch checks it: a number published after a
 * higher one of the same conversation is counted and logged, never silently reordered.
 */
const WATCHED_CONVERSATIONS = 10_000;
const lastPublishedSeq = new Map<string, number>();
let outOfOrder = 0;

function watchOrder(outgoing: OutgoingEvent): void {
  if (outgoing.target !== "console" || outgoing.event !== "message.created") return;
  const { conversationId, message } = outgoing.payload as { conversationId: string; message: { seq: number } };
  const last = lastPublishedSeq.get(conversationId);
  if (last !== undefined && message.seq < last) {
    outOfOrder += 1;
    console.error(`CHAT-3: conversation ${conversationId} published seq ${message.seq} after seq ${last}`);
    return;
  }
  // Re-inserted so the map keeps the most recently active conversations.
  lastPublishedSeq.delete(conversationId);
  lastPublishedSeq.set(conversationId, message.seq);
  if (lastPublishedSeq.size > WATCHED_CONVERSATIONS) lastPublishedSeq.delete(lastPublishedSeq.keys().next().value!);
}

/** How many message.created events this process published behind a later one (a metric; 0 is right). */
export function outOfOrderPublishes(): number {
  return outOfOrder;
}

export function publish(events: OutgoingEvent[]): void {
  const realtime = getRealtime();
  if (!realtime) return;
  for (const outgoing of events) {
    watchOrder(outgoing);
    if (outgoing.target === "console") {
      if (outgoing.rooms.length === 0) continue;
      // One emit to the union of rooms: a socket in several of them receives it once.
      (realtime.console.to(outgoing.rooms) as unknown as { emit(event: string, payload: unknown): void }).emit(outgoing.event, outgoing.payload);
    } else if (outgoing.target === "widget_shop") {
      (realtime.widget.to(rooms.shopBuyers(outgoing.shopId)) as unknown as { emit(event: string, payload: unknown): void }).emit(outgoing.event, outgoing.payload);
    } else {
      (realtime.widget.to(rooms.buyer(outgoing.buyerId)) as unknown as { emit(event: string, payload: unknown): void }).emit(outgoing.event, outgoing.payload);
    }
  }
}

/**
 * TEAM-3: a deactivated or deleted member loses the console at once, on every node: their
 * sockets are told why, then dropped.
 */
export function revokeMemberAccess(memberId: string, message: string, reason: SignOutReason): void {
  const realtime = getRealtime();
  if (!realtime) return;
  realtime.console.to(rooms.member(memberId)).emit("access.revoked", { message, reason });
  realtime.console.in(rooms.member(memberId)).disconnectSockets(true);
}

/** Makes a member's consoles reconnect, so a new role or chat access setting applies to their rooms. */
export function refreshMemberConnections(memberId: string): void {
  getRealtime()?.console.in(rooms.member(memberId)).disconnectSockets(false);
}
