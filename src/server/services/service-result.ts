// What every service that changes something returns (issue 9, STYLE "services are the only way
// in"): the answer for the caller, the realtime events the change caused, and the shops whose
// queue may now be routed. The service only describes them; one adapter
// (apply-service-result.ts) publishes the events and requests the drains after the transaction
// committed, so an HTTP route, a socket handler and a job that run the same service have the same
// effects, and a test can assert on the events without a socket server.
import type { SignOutReason } from "@/core/sign-out-reason";
import type { OutgoingEvent } from "@/server/realtime/publish";

/**
 * A change to a member's live connections rather than a message to rooms: `revoke` tells their
 * consoles why and drops them (TEAM-3), `refresh` makes them reconnect so a new role or chat
 * access applies to their rooms.
 */
export type ConnectionEvent =
  | { target: "connections"; memberId: string; action: "revoke"; message: string; reason: SignOutReason }
  | { target: "connections"; memberId: string; action: "refresh" };

export type ServiceEvent = OutgoingEvent | ConnectionEvent;

export interface ServiceResult<T> {
  data: T;
  /** Published in this order after commit. */
  events: ServiceEvent[];
  /** Shop ids whose Unassigned queue to drain after the events (capacity freed or chats queued, ASSIGN-4). */
  drain: string[];
}

export function serviceResult<T>(data: T, events: ServiceEvent[] = [], drain: Array<string | null | undefined> = []): ServiceResult<T> {
  return { data, events, drain: [...new Set(drain.filter((shopId): shopId is string => Boolean(shopId)))] };
}

export function revokeConnections(memberId: string, message: string, reason: SignOutReason): ConnectionEvent {
  return { target: "connections", memberId, action: "revoke", message, reason };
}

export function refreshConnections(memberId: string): ConnectionEvent {
  return { target: "connections", memberId, action: "refresh" };
}

export function isConnectionEvent(event: ServiceEvent): event is ConnectionEvent {
  return event.target === "connections";
}
