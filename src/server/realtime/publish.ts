// Services return the events their change causes; adapters hand them here after the
// transaction commits. With the Redis adapter, rooms span every node (NF-2).
import type { ConsoleEventName, ConsoleServerToClientEvents, EventPayload, WidgetEventName, WidgetServerToClientEvents } from "@/shared/events";
import { getRealtime } from "@/server/realtime/registry";
import { rooms } from "@/server/realtime/rooms";

/** One event for console rooms or a buyer's widgets, its payload typed by its name. */
export type OutgoingEvent =
  | { [E in ConsoleEventName]: { target: "console"; rooms: string[]; event: E; payload: EventPayload<ConsoleServerToClientEvents, E> } }[ConsoleEventName]
  | { [E in WidgetEventName]: { target: "widget"; buyerId: string; event: E; payload: EventPayload<WidgetServerToClientEvents, E> } }[WidgetEventName];

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

export function publish(events: OutgoingEvent[]): void {
  const realtime = getRealtime();
  if (!realtime) return;
  for (const outgoing of events) {
    if (outgoing.target === "console") {
      if (outgoing.rooms.length === 0) continue;
      // One emit to the union of rooms: a socket in several of them receives it once.
      (realtime.console.to(outgoing.rooms) as unknown as { emit(event: string, payload: unknown): void }).emit(outgoing.event, outgoing.payload);
    } else {
      (realtime.widget.to(rooms.buyer(outgoing.buyerId)) as unknown as { emit(event: string, payload: unknown): void }).emit(outgoing.event, outgoing.payload);
    }
  }
}

/**
 * TEAM-3: a deactivated or deleted member loses the console at once, on every node: their
 * sockets are told why, then dropped.
 */
export function revokeMemberAccess(memberId: string, message: string): void {
  const realtime = getRealtime();
  if (!realtime) return;
  realtime.console.to(rooms.member(memberId)).emit("access.revoked", { message });
  realtime.console.in(rooms.member(memberId)).disconnectSockets(true);
}

/** Makes a member's consoles reconnect, so a new role or chat access setting applies to their rooms. */
export function refreshMemberConnections(memberId: string): void {
  getRealtime()?.console.in(rooms.member(memberId)).disconnectSockets(false);
}
