// ANALYTICS-5: a small shop's months of activity, made only through the product's own services
// (buyers' messages, queue drains, manual assignments, transfers, agents' replies, ends, ratings,
// expiries by the sweep, orders through the v1 upsert), replayed in time order by a seeded random
// generator. Times cluster around the shop's local midnight and cross a DST change on purpose.
import type { Database } from "../../src/server/db/client";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { assignQueuedSession, transferSessions } from "../../src/server/services/assignment/assign-manually";
import { upsertOrder } from "../../src/server/services/integration/upsert-order";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { endSession } from "../../src/server/services/sessions/close-session";
import { sweepSessions } from "../../src/server/services/sessions/sweep-sessions";
import { rateSession } from "../../src/server/services/sessions/update-session";
import { resolveMemberContext, type MemberContext } from "../../src/server/services/resolve-member";
import { OrderUpsertSchema } from "../../src/shared/api-v1-schemas";
import { createBuyer, createMember, createShop } from "../factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: the same seed makes the same shop. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

type Step = { at: number; order: number; run: () => Promise<void> };

export interface GeneratedShop {
  shopId: string;
  timeZone: string;
  startMs: number;
  endMs: number;
  members: MemberContext[];
}

export async function generateShop(db: Database, options: { seed: number; startMs: number; days: number; timeZone: string; sessionsPerDay: number }): Promise<GeneratedShop> {
  const rng = random(options.seed);
  const shop = await createShop(db);
  await db.shop.update({ where: { id: shop.id }, data: { timeZone: options.timeZone, currency: "USD" } });
  const make = async (role: "owner" | "admin" | "agent", nickname: string) => {
    const member = await createMember(db, { shopId: shop.id, role, nickname });
    return (await resolveMemberContext(db, { userId: member.userId, shopId: shop.id }))!;
  };
  const owner = await make("owner", "olivia");
  const agents = [await make("admin", "adam"), await make("agent", "ava"), await make("agent", "ben"), await make("agent", "chloe")];
  const buyers = await Promise.all(Array.from({ length: 30 }, (_, i) => createBuyer(db, { shopId: shop.id, externalId: `cust-${i}`, nickname: `buyer${i}` })));

  const steps: Step[] = [];
  let order = 0;
  const at = (ms: number, run: () => Promise<void>) => steps.push({ at: ms, order: order++, run });
  let clientSeq = 0;
  const clientId = () => `gen-${options.seed}-${clientSeq++}`;
  let orderSeq = 0;

  // Who is online at an instant: nobody at night (shop time), so night chats wait in the queue.
  const onlineAt = (ms: number) => {
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: options.timeZone, hour: "2-digit", hourCycle: "h23" }).format(new Date(ms)));
    return hour >= 8 && hour < 22 ? agents.filter((_, i) => (Math.floor(ms / HOUR) + i) % 4 !== 0).map((m) => m.memberId) : [];
  };
  const drain = async (ms: number) => {
    const online = new Set(onlineAt(ms));
    await drainQueue(db, {
      shopId: shop.id,
      routing: { presence: { connected: async () => {}, disconnected: async () => {}, heartbeat: async () => {}, onlineMemberIds: async () => online, close: async () => {} }, now: () => new Date(ms) },
    });
  };
  const activeSession = async (buyerId: string) =>
    db.chatSession.findFirst({ where: { shopId: shop.id, conversation: { buyerId }, state: { in: ["queued", "open"] } } });
  const memberById = (id: string | null) => [owner, ...agents].find((m) => m.memberId === id);
  const placeOrder = (ms: number, buyerIndex: number, status: string, currency = "USD") => {
    const externalId = `ord-${orderSeq++}`;
    const totalCents = rng.int(0, 2_000_000);
    const upsert = (state: string, when: number) => at(when, async () => {
      await upsertOrder(db, {
        shopId: shop.id,
        order: OrderUpsertSchema.parse({
          externalId, status: state, totalCents, currency, placedAt: new Date(ms).toISOString(),
          buyer: { externalId: `cust-${buyerIndex}`, nickname: `buyer${buyerIndex}` }, items: [{ name: "Thing", quantity: 1, priceCents: totalCents }],
        }),
      });
    });
    upsert(status, ms);
    // Some orders are cancelled or returned afterwards: they stop counting.
    if (rng.next() < 0.15) upsert(rng.pick(["cancelled", "returned"]), ms + rng.int(1, 72) * HOUR);
  };

  for (let day = 0; day < options.days; day += 1) {
    const dayStart = options.startMs + day * DAY;
    at(dayStart + 3 * HOUR, async () => { await sweepSessions(db, { now: new Date(dayStart + 3 * HOUR) }); });
    at(dayStart + 13 * HOUR, () => drain(dayStart + 13 * HOUR));
    const count = rng.int(0, options.sessionsPerDay * 2);
    for (let n = 0; n < count; n += 1) {
      // A third of the chats open within 40 minutes of a UTC-day edge, which in the shop's zone
      // lands near its evening; the rest anywhere in the day.
      const t0 = dayStart + (rng.next() < 0.3 ? DAY - rng.int(1, 40) * MINUTE : rng.int(0, DAY - 1));
      const buyerIndex = rng.int(0, buyers.length - 1);
      const buyer = buyers[buyerIndex]!;
      at(t0, async () => {
        await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body: "Hello?" }, now: new Date(t0) });
        await drain(t0);
      });
      if (rng.next() < 0.5) {
        const when = t0 + rng.int(1, 30) * MINUTE;
        at(when, async () => { await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body: "Anyone there?" }, now: new Date(when) }); });
      }
      if (rng.next() < 0.2) {
        const manager = rng.pick([owner, agents[0]!]);
        const target = rng.pick(agents);
        const when = t0 + rng.int(2, 600) * MINUTE;
        at(when, async () => {
          const session = await activeSession(buyer.id);
          if (session?.state === "queued") await assignQueuedSession(db, { member: manager, sessionId: session.id, targetMemberId: target.memberId, now: new Date(when) });
        });
      }
      if (rng.next() < 0.2) {
        const when = t0 + rng.int(3, 120) * MINUTE;
        at(when, async () => {
          const session = await activeSession(buyer.id);
          const holder = memberById(session?.assigneeId ?? null);
          const target = rng.pick(agents);
          if (session?.state === "open" && holder && target.memberId !== holder.memberId) {
            await transferSessions(db, { member: holder, scope: { sessionId: session.id }, targetMemberId: target.memberId, now: new Date(when) });
          }
        });
      }
      // Replies: soon, hours later, or just around the 24 h edge; some chats get none.
      const replyDelays = [rng.int(1, 90) * MINUTE, rng.int(2, 20) * HOUR, 24 * HOUR + rng.int(-30, 30) * MINUTE].filter(() => rng.next() < 0.55);
      for (const delay of replyDelays) {
        const when = t0 + delay;
        at(when, async () => {
          const session = await activeSession(buyer.id);
          const holder = memberById(session?.assigneeId ?? null);
          if (session?.state === "open" && holder) {
            await sendAgentMessage(db, { member: holder, conversationId: session.conversationId, clientId: clientId(), content: { kind: "text", body: "Happy to help" }, now: new Date(when) });
          }
        });
      }
      // Most chats end (and half of those are rated); the rest expire after 7 days unreplied.
      if (rng.next() < 0.7) {
        const when = t0 + rng.int(2, 50) * HOUR;
        at(when, async () => {
          const session = await activeSession(buyer.id);
          const holder = memberById(session?.assigneeId ?? null);
          if (session?.state !== "open" || !holder) return;
          await endSession(db, { member: holder, sessionId: session.id, now: new Date(when) });
          if (rng.next() < 0.6) await rateSession(db, { shopId: shop.id, buyerId: buyer.id, sessionId: session.id, rating: rng.int(1, 5), now: new Date(when + rng.int(1, 600) * MINUTE) });
        });
      }
      // Orders before and after the replies, inside and just outside the 7-day window.
      const orderOffsets = [-rng.int(1, 48) * HOUR, rng.int(1, 72) * HOUR, 7 * DAY + rng.int(-60, 60) * MINUTE].filter(() => rng.next() < 0.4);
      for (const offset of orderOffsets) placeOrder(t0 + offset, buyerIndex, rng.pick(["to_ship", "shipped", "delivered", "unpaid"]), rng.next() < 0.1 ? "EUR" : "USD");
    }
  }
  const endMs = options.startMs + options.days * DAY;
  for (const step of steps.filter((s) => s.at < endMs).sort((a, b) => a.at - b.at || a.order - b.order)) await step.run();
  return { shopId: shop.id, timeZone: options.timeZone, startMs: options.startMs, endMs, members: [owner, ...agents] };
}
