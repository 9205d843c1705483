// The one adapter between a service's result and the running process (issue 9): after the
// service's transaction committed, publish its events in order and drain the queues it names,
// then hand the caller the data. Routes, socket handlers and jobs all go through here, so none of
// them publishes or drains by hand.
import type { Database } from "@/server/db/client";
import { publish, refreshMemberConnections, revokeMemberAccess, type OutgoingEvent } from "@/server/realtime/publish";
import type { RoutingContext } from "@/server/services/assignment/routing-context";
import { requestDrain } from "@/server/services/assignment/settle";
import { isConnectionEvent, type ServiceEvent, type ServiceResult } from "@/server/services/service-result";
import { shopIdOfShopRoom } from "@/server/realtime/rooms";
import { announceShopAvailabilitySafely } from "@/server/services/widget/shop-availability";
import { getTranslator } from "@/server/translation/translator-registry";

export interface ApplyOptions {
  /** Presence and clock for the drains; the process's registered ones when omitted. */
  routing?: RoutingContext;
  /**
   * Start the drains without waiting for them: a buyer's message is acknowledged as soon as it is
   * stored and published, not after the new chat was routed (the console hears of the routing).
   */
  drainInBackground?: boolean;
}

export async function applyServiceResult<T>(db: Database, result: ServiceResult<T>, options: ApplyOptions = {}): Promise<T> {
  publishEvents(result.events);
  // WIDGET-4: a member changed (accepting chats, deactivated, deleted…): the shop's widgets hear
  // whether an agent is still online.
  for (const shopId of shopsWithMemberChanges(result.events)) announceShopAvailabilitySafely(db, shopId, options.routing);
  // requestDrain never throws: a failed drain is logged and the safety sweep retries it.
  if (options.drainInBackground) {
    for (const shopId of result.drain) void requestDrain(db, shopId, options.routing);
    return result.data;
  }
  // Awaited, so the caller answers once the freed capacity was used.
  for (const shopId of result.drain) await requestDrain(db, shopId, options.routing);
  return result.data;
}

function shopsWithMemberChanges(events: ServiceEvent[]): Set<string> {
  const shops = new Set<string>();
  for (const event of events) {
    if (event.target !== "console" || event.event !== "member.changed") continue;
    for (const room of event.rooms) {
      const shopId = shopIdOfShopRoom(room);
      if (shopId) shops.add(shopId);
    }
  }
  return shops;
}

/** Publishes in order; a failure is logged, never thrown: the change is committed either way. */
export function publishEvents(events: ServiceEvent[]): void {
  let batch: OutgoingEvent[] = [];
  const flush = () => {
    if (batch.length) safely(() => publish(batch));
    batch = [];
  };
  for (const event of events) {
    if (!isConnectionEvent(event)) {
      batch.push(event);
      continue;
    }
    flush();
    if (event.action === "revoke") safely(() => revokeMemberAccess(event.memberId, event.message, event.reason));
    else safely(() => refreshMemberConnections(event.memberId));
  }
  flush();
  safely(() => scheduleTranslations(events));
}

/**
 * SET-3: every new message with text, once it is stored and published, is handed to the
 * translator (when an engine is configured), with the rooms that heard it; its translation
 * follows as message.translated. Never awaited: delivery does not wait for the engine.
 */
function scheduleTranslations(events: ServiceEvent[]): void {
  const translator = getTranslator();
  if (!translator) return;
  const buyersByMessage = new Map<string, string>();
  for (const event of events) {
    if (event.target === "widget" && event.event === "message.created") buyersByMessage.set(event.payload.message.id, event.buyerId);
  }
  for (const event of events) {
    if (event.target !== "console" || event.event !== "message.created") continue;
    const { message } = event.payload;
    if (message.authorType === "system" || message.body.trim() === "") continue;
    translator.schedule({ messageId: message.id, conversationId: message.conversationId, rooms: event.rooms, buyerId: buyersByMessage.get(message.id) ?? null });
  }
}

function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    // A missed live update must not turn a committed change into an error response.
    console.error(error);
  }
}
