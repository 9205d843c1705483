// One "app process" of the assignment-drain benchmark. It shares PostgreSQL and the Redis
// presence with the other processes. On { type: "go", memberIds } it brings those members online
// exactly as a console connection does in the product (presence.connected, then requestDrain for
// the shop, coalesced per process), or, with MODE=baseline, runs a naive claim loop: one session
// at a time, FOR UPDATE SKIP LOCKED, writing the same records (session, member counter,
// assignment record, system note). Tells the scenario "ready", then "online" (the time its first
// member came online) and "done".
import pg from "pg";
import { createPrismaClient } from "../../src/server/db/client";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { requestDrain } from "../../src/server/services/assignment/settle";
import { createRedisPresenceStore, HEARTBEAT_INTERVAL_MS, type PresenceConnection } from "../../src/server/services/presence/presence-store";
import { sleep, tell } from "./child";

const { MODE, DATABASE_URL, REDIS_URL, SHOP_ID, WORKER, DEADLINE_MS } = process.env;
const shopId = SHOP_ID!;
const deadlineMs = Number(DEADLINE_MS ?? 60_000);
const presence = createRedisPresenceStore(REDIS_URL!, { graceMs: 0, liveTtlMs: 600_000 });
const routing = { presence, now: () => new Date() };
const db = createPrismaClient(DATABASE_URL!, { max: 8 });
const pool = new pg.Pool({ connectionString: DATABASE_URL!, max: 2 });

// Warm up like a long-running node: connections open, query paths compiled, Redis connected.
// Nobody is online yet, so this drain assigns nothing.
await presence.onlineMemberIds(shopId, new Date());
await drainQueue(db, { shopId, routing });
await pool.query("SELECT 1");
tell({ type: "ready" });

// As a node does: its heartbeat keeps its consoles online. Without it presence forgets them once
// the node looks dead (NODE_DEAD_AFTER_MS), and a drain longer than that would stop halfway.
const connections: PresenceConnection[] = [];
const heartbeat = setInterval(() => void presence.heartbeat(connections, new Date()).catch(() => undefined), HEARTBEAT_INTERVAL_MS);
heartbeat.unref();

async function productGo(memberIds: string[]): Promise<Record<string, unknown>> {
  const drains: Array<Promise<void>> = [];
  for (const memberId of memberIds) {
    const connection = { shopId, memberId, connectionId: `bench-${WORKER}-${memberId}` };
    connections.push(connection);
    await presence.connected(connection, new Date());
    if (drains.length === 0) tell({ type: "online", at: Date.now() });
    // As onConsoleConnected: a member connecting may be new capacity (ASSIGN-4).
    drains.push(requestDrain(db, shopId, routing));
  }
  await Promise.all(drains);
  return {};
}

/** The naive way: one transaction per session, each re-reading presence and picking a member. */
async function baselineGo(memberIds: string[]): Promise<Record<string, unknown>> {
  for (const [index, memberId] of memberIds.entries()) {
    const connection = { shopId, memberId, connectionId: `bench-${WORKER}-${memberId}` };
    connections.push(connection);
    await presence.connected(connection, new Date());
    if (index === 0) tell({ type: "online", at: Date.now() });
  }
  const client = await pool.connect();
  let claimed = 0;
  let retries = 0;
  const deadline = Date.now() + deadlineMs;
  try {
    while (Date.now() < deadline) {
      const online = [...(await presence.onlineMemberIds(shopId, new Date()))];
      await client.query("BEGIN");
      const session = await client.query<{ id: string; conversationId: string }>(
        `SELECT id, "conversationId" FROM "ChatSession" WHERE "shopId" = $1 AND state = 'queued'
         ORDER BY "queuedAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`, [shopId]);
      if (session.rowCount === 0) {
        await client.query("ROLLBACK");
        break;
      }
      const member = await client.query<{ id: string; nickname: string; openSessionCount: number; maxCapacity: number }>(
        `SELECT id, nickname, "openSessionCount", "maxCapacity" FROM "Member"
         WHERE "shopId" = $1 AND status = 'active' AND "deletedAt" IS NULL AND "acceptAutoAssign" AND id = ANY($2::uuid[])
           AND "openSessionCount" < "maxCapacity"
         ORDER BY "openSessionCount"::float / "maxCapacity", id LIMIT 1 FOR UPDATE SKIP LOCKED`, [shopId, online]);
      if (member.rowCount === 0) {
        // Every member with room is busy in another transaction (or nobody is online yet).
        await client.query("ROLLBACK");
        retries += 1;
        await sleep(2);
        continue;
      }
      const s = session.rows[0]!;
      const m = member.rows[0]!;
      await client.query(`UPDATE "ChatSession" SET state = 'open', "assigneeId" = $2, "assignedAt" = now(), "updatedAt" = now() WHERE id = $1`, [s.id, m.id]);
      await client.query(`UPDATE "Member" SET "openSessionCount" = "openSessionCount" + 1, "updatedAt" = now() WHERE id = $1`, [m.id]);
      await client.query(
        `INSERT INTO "Assignment" (id, "shopId", "sessionId", kind, "toMemberId", mode, detail, "createdAt")
         VALUES (gen_random_uuid(), $1, $2, 'auto', $3, 'lowest_workload', $4, now())`,
        [shopId, s.id, m.id, JSON.stringify({ mode: "lowest_workload", openSessions: m.openSessionCount, maxCapacity: m.maxCapacity })]);
      await client.query(
        `WITH bumped AS (
           UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = now(), "lastMessagePreview" = $3 WHERE id = $1 RETURNING id, "lastSeq")
         INSERT INTO "Message" (id, "shopId", "conversationId", "sessionId", seq, "authorType", kind, body, "isAutomatic", "createdAt")
         SELECT gen_random_uuid(), $2, b.id, $4, b."lastSeq", 'system', 'system', $3, true, now() FROM bumped b`,
        [s.conversationId, shopId, `${m.nickname} joined the chat`, s.id]);
      await client.query("COMMIT");
      claimed += 1;
    }
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { claimed, retries };
}

process.on("message", (message: { type?: string; memberIds?: string[] }) => {
  if (message.type !== "go") return;
  const go = MODE === "baseline" ? baselineGo : productGo;
  go(message.memberIds ?? [])
    .then((figures) => tell({ type: "done", ...figures }))
    .catch((error: Error) => tell({ type: "done", error: error.message }));
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(0), 5_000);
  force.unref();
  void Promise.allSettled([presence.close(), db.$disconnect(), pool.end()]).then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);
