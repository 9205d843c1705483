// NF-2, ASSIGN-2: a Redis restart. A private redis-server (on its own port, nothing on disk) is
// shared by two node processes; it is killed and started again while a buyer on one node and an
// agent on the other keep writing. Messages are stored in PostgreSQL whatever Redis does; events
// published while Redis is down do not cross nodes, and clients fill that gap by seq (CHAT-3).
// After the restart rooms carry events across nodes again and presence is whole again (each node
// rewrites its consoles at its next heartbeat).
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../../factories";
import { signInCookie } from "../../factories/session-cookie";
import { useTestDatabase } from "../../support/test-database";
import { TEST_AUTH_SECRET, widgetToken } from "../../support/realtime-node";
import { startNodeProcess } from "../../support/fault-cluster";
import { createRedisPresenceStore } from "../../../src/server/services/presence/presence-store";
import { eventually, FollowingClient, ledger } from "./fault-clients";

const { db, url } = await useTestDatabase();
const REDIS_PORT = 3495;
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
let redisServer: ChildProcess | undefined;

async function startRedis(): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("Ready to accept connections") && resolve());
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}
async function killRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGKILL");
  });
}
afterEach(async () => {
  if (redisServer) await killRedis(redisServer);
});

describe("faults: Redis restart (NF-2)", () => {
  it("NF-2 ASSIGN-2 Redis killed and restarted while messages flow: rooms and presence recover, 0 lost, 0 duplicated", async () => {
    redisServer = await startRedis();
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const [buyerNode, agentNode] = await Promise.all([
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3485 }),
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3486 }),
    ]);
    const observer = createRedisPresenceStore(REDIS_URL, { graceMs: 0, liveTtlMs: 60_000 });
    const clients: FollowingClient[] = [];
    try {
      let conversationId: string | null = null;
      const buyerTab = new FollowingClient({ namespace: "/widget", urls: [buyerNode.url], credentials: { token: widgetToken(buyer) } });
      const agent = new FollowingClient({ namespace: "/console", urls: [agentNode.url], credentials: { cookie: (await signInCookie(db, owner, TEST_AUTH_SECRET)).cookie }, conversationId: () => conversationId });
      clients.push(buyerTab, agent);
      await Promise.all(clients.map((client) => client.ready()));
      conversationId = (await buyerTab.send({ clientId: "redis-buyer-0000", content: { kind: "text", body: "b0" } })).message.conversationId;
      const acknowledged = new Set(["redis-buyer-0000"]);
      const phase = async (from: number, to: number) => {
        for (let i = from; i <= to; i++) {
          const [b, a] = await Promise.all([
            buyerTab.send({ clientId: `redis-buyer-${String(i).padStart(4, "0")}`, content: { kind: "text", body: `b${i}` } }),
            agent.send({ conversationId, clientId: `redis-agent-${String(i).padStart(4, "0")}`, content: { kind: "text", body: `a${i}` } }),
          ]);
          acknowledged.add(b.message.clientId!).add(a.message.clientId!);
        }
      };
      await phase(1, 20);
      expect(await observer.onlineMemberIds(shop.id, new Date())).toEqual(new Set([owner.id]));

      // Kill Redis (everything in it is gone: presence, adapter subscriptions) and keep writing.
      await killRedis(redisServer);
      const downAt = Date.now();
      await phase(21, 40);
      redisServer = await startRedis();
      const upAt = Date.now();

      // Presence: the agent's node rewrites her console at its next beat.
      await eventually(async () => (await observer.onlineMemberIds(shop.id, new Date()).catch(() => new Set<string>())).has(owner.id), 10_000, "presence back after the restart");
      const presenceBackMs = Date.now() - upAt;
      // Rooms: a message written now reaches the other node's client live (not by a sync).
      const liveCheck = async () => {
        const before = agent.timeline.liveIds.size;
        const sent = await buyerTab.send({ clientId: `redis-live-${Date.now()}`, content: { kind: "text", body: "after restart" } });
        acknowledged.add(sent.message.clientId!);
        await eventually(() => agent.timeline.liveIds.has(sent.message.id), 2_000, "a live event across nodes").catch(() => undefined);
        return agent.timeline.liveIds.size > before && agent.timeline.liveIds.has(sent.message.id);
      };
      await eventually(liveCheck, 15_000, "rooms carry events across nodes again");
      const roomsBackMs = Date.now() - upAt;
      await phase(41, 60);

      const rows = await db.message.findMany({ where: { conversationId: conversationId! }, select: { clientId: true, seq: true }, orderBy: { seq: "asc" } });
      await eventually(() => clients.every((client) => client.timeline.contiguousSeq >= rows.at(-1)!.seq), 15_000, "every client holds the whole conversation");
      const counts = ledger({ acknowledged, storedClientIds: rows.map((row) => row.clientId!).filter(Boolean), followers: clients.map((client) => client.timeline) });
      console.info("NF-2 Redis restart", JSON.stringify({ ...counts, redisDownMs: upAt - downAt, presenceBackMs, roomsBackMs }));
      expect(counts.lost).toBe(0);
      expect(counts.duplicated).toBe(0);
      expect(counts.stored).toBe(counts.acknowledged);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    } finally {
      clients.forEach((client) => client.close());
      await observer.close();
    }
  }, 60_000);
});
