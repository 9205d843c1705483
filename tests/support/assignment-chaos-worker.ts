// One "app process" of the ASSIGN-7 concurrency test: it connects and disconnects members in
// the shared Redis presence, lets buyers open sessions, toggles accept switches, raises
// capacities, ends and (optionally) transfers sessions, and drains the queue after each event,
// exactly as the running product does. Run by tests/integration/assignment-concurrency.test.ts.
import { createPrismaClient } from "../../src/server/db/client";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { transferSessions } from "../../src/server/services/assignment/assign-manually";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { endSession } from "../../src/server/services/sessions/close-session";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createRedisPresenceStore } from "../../src/server/services/presence/presence-store";

const { DATABASE_URL, REDIS_URL, SHOP_ID, WORKER, OPERATIONS, WITH_TRANSFERS } = process.env;
const db = createPrismaClient(DATABASE_URL!, { max: 8 });
const presence = createRedisPresenceStore(REDIS_URL!, { graceMs: 0, liveTtlMs: 60_000 });
const routing = { presence, now: () => new Date() };
let seed = Number(WORKER) * 7919 + 17;
const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;

const members = await db.member.findMany({ where: { shopId: SHOP_ID! } });
const buyers = await db.buyer.findMany({ where: { shopId: SHOP_ID! } });
let counter = 0;
const failures: string[] = [];

async function step() {
  const roll = random();
  const member = pick(members);
  const connection = { shopId: SHOP_ID!, memberId: member.id, connectionId: `w${WORKER}-${member.id}` };
  if (roll < 0.4) {
    const buyer = pick(buyers);
    const result = await ingestBuyerMessage(db, { shopId: SHOP_ID!, buyerId: buyer.id, clientId: `w${WORKER}-${counter++}-chaos`, content: { kind: "text", body: "hi" } });
    if (result.data.openedSessionId) await drainQueue(db, { shopId: SHOP_ID!, routing });
  } else if (roll < 0.55) {
    await presence.connected(connection, new Date());
    await drainQueue(db, { shopId: SHOP_ID!, routing });
  } else if (roll < 0.65) {
    await presence.disconnected(connection, new Date());
  } else if (roll < 0.72) {
    await db.member.update({ where: { id: member.id }, data: { acceptAutoAssign: random() < 0.7 } });
    await drainQueue(db, { shopId: SHOP_ID!, routing });
  } else if (roll < 0.76) {
    await db.member.update({ where: { id: member.id }, data: { maxCapacity: { increment: 1 } } });
    await drainQueue(db, { shopId: SHOP_ID!, routing });
  } else if (roll < 0.92 || WITH_TRANSFERS !== "1") {
    const open = await db.chatSession.findMany({ where: { shopId: SHOP_ID!, state: "open" }, take: 20, select: { id: true, assigneeId: true } });
    if (open.length === 0) return;
    const session = pick(open);
    const holder = members.find((m) => m.id === session.assigneeId);
    if (!holder) return;
    const context = await resolveMemberContext(db, { userId: holder.userId, shopId: SHOP_ID! });
    if (!context) return;
    await endSession(db, { member: context, sessionId: session.id }).catch((error: { code?: string }) => {
      if (error.code !== "ILLEGAL_TRANSITION" && error.code !== "FORBIDDEN") throw error;
    });
    await drainQueue(db, { shopId: SHOP_ID!, routing });
  } else {
    const open = await db.chatSession.findMany({ where: { shopId: SHOP_ID!, state: "open", assigneeId: member.id }, take: 5, select: { id: true } });
    const context = await resolveMemberContext(db, { userId: member.userId, shopId: SHOP_ID! });
    const target = pick(members);
    if (!context || target.id === member.id) return;
    await transferSessions(db, { member: context, scope: open.length > 0 && random() < 0.5 ? { sessionId: open[0]!.id } : "all_mine", targetNickname: target.nickname }).catch((error: { code?: string }) => {
      if (!["CONFLICT", "NOT_FOUND", "FORBIDDEN"].includes(error.code ?? "")) throw error;
    });
    await drainQueue(db, { shopId: SHOP_ID!, routing });
  }
}

const operations = Number(OPERATIONS ?? 200);
const inFlight = new Set<Promise<void>>();
for (let i = 0; i < operations; i++) {
  // Up to four operations at once per process: concurrency inside each process too.
  const run = step().catch((error: Error) => void failures.push(error.message)).finally(() => inFlight.delete(run));
  inFlight.add(run);
  if (inFlight.size >= 4) await Promise.race(inFlight);
}
await Promise.all(inFlight);
await presence.close();
await db.$disconnect();
process.stdout.write(JSON.stringify({ worker: WORKER, failures }) + "\n");
