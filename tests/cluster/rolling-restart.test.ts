// OPS-5 / NF-2 with real processes: a 3-node cluster (scripts/cluster, production build) behind
// HAProxy, restarted one node at a time while buyers send a steady stream of messages through the
// balancer and an agent's console follows them. Clients behave like the product's: a message not
// acknowledged is resent with the same clientId after a reconnect, and every (re)connection
// resumes from the last sequence number held (CHAT-3). Counts: acknowledged, stored, delivered,
// lost, duplicated; nothing may be lost or duplicated.
import fs from "node:fs";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, startCluster, type Cluster } from "../../scripts/cluster/cluster";
import { signWidgetToken } from "../../src/server/services/widget/tokens";
import type { MessageDto } from "../../src/shared/dto";
import type { Ack } from "../../src/shared/events";
import { createBuyer, createMember, createShop } from "../factories";
import { signInCookie } from "../factories/session-cookie";
import { useTestDatabase } from "../support/test-database";

const { db, url } = await useTestDatabase();
const AUTH_SECRET = "cluster-rolling-restart-secret-0123456789";
const BUYERS = 12;
/** Each buyer waits this long between messages: about 1.5 messages a second each, under the per-buyer limit. */
const PAUSE_MS = 650;
const PUBLIC_PORT = Number(process.env.CLUSTER_TEST_PORT ?? 3460);

const DATA_DIR = `.data/test-cluster-${process.pid}`;
let cluster: Cluster | undefined;
afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
}, 60_000);

function socketOptions(extra: Record<string, unknown>) {
  return { transports: ["websocket"], reconnectionDelay: 100, reconnectionDelayMax: 1_000, forceNew: true, ...extra };
}

/** Sends until acknowledged, always with the same clientId (the server stores it once). */
async function sendUntilAcked(socket: Socket, clientId: string, body: string, stopAt: number): Promise<MessageDto> {
  for (;;) {
    if (Date.now() > stopAt) throw new Error(`${clientId} was never acknowledged`);
    if (socket.connected) {
      const reply = (await socket.timeout(3_000).emitWithAck("message:send", { clientId, content: { kind: "text", body } }).catch(() => null)) as Ack<MessageDto> | null;
      if (reply?.ok) return reply.data;
      if (reply && !reply.ok) throw new Error(`${clientId} refused: ${reply.error.code} ${reply.error.message}`);
    } else {
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    }
  }
}

describe("rolling restart of a 3-node cluster behind HAProxy (OPS-5, NF-2)", () => {
  it("OPS-5 NF-2 restarting every node in turn under a steady message load: 0 lost, 0 duplicated", async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Roll" });
    const buyers = await Promise.all(Array.from({ length: BUYERS }, () => createBuyer(db, { shopId: shop.id })));

    cluster = await startCluster({
      nodes: 3,
      publicPort: PUBLIC_PORT,
      basePort: PUBLIC_PORT + 1,
      databaseUrl: url,
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      dataDir: DATA_DIR,
      env: { NEXTAUTH_SECRET: AUTH_SECRET, SEED_DEMO: "false", LOG_LEVEL: "warn", LOG_FORMAT: "json", PRESENCE_GRACE_SECONDS: "30" },
      onLine: (source, line) => {
        if (/uncaught|unhandled/i.test(line)) console.error(`${source}: ${line}`);
      },
    });
    const balancer = cluster.url;

    // The agent: one console through the balancer, following every chat of the shop.
    const { cookie } = await signInCookie(db, owner, AUTH_SECRET);
    const agent = connect(`${balancer}/console`, socketOptions({ extraHeaders: { cookie } }));
    const seenByAgent = new Map<string, Map<number, MessageDto>>(); // conversation → seq → message
    let liveDeliveries = 0;
    const hold = (message: MessageDto) => {
      const thread = seenByAgent.get(message.conversationId) ?? new Map<number, MessageDto>();
      seenByAgent.set(message.conversationId, thread);
      thread.set(message.seq, message);
    };
    // As the product's delivery client does (docs/realtime.md "Client delivery"): resume from the
    // last gap-free sequence number, after every (re)connection and whenever a live message
    // shows a gap (one published by a node on its way down may never have been sent live).
    const contiguousSeq = (conversationId: string) => {
      const thread = seenByAgent.get(conversationId);
      let seq = 0;
      while (thread?.has(seq + 1)) seq += 1;
      return seq;
    };
    const resync = (conversationId: string) => {
      void agent.timeout(5_000).emitWithAck("conversation:sync", { conversationId, afterSeq: contiguousSeq(conversationId), limit: 500 }).then(
        (reply: Ack<{ messages: MessageDto[] }>) => reply.ok && reply.data.messages.forEach(hold),
        () => undefined,
      );
    };
    agent.on("message.created", (event: { message: MessageDto }) => {
      liveDeliveries += 1;
      hold(event.message);
      if (event.message.seq > contiguousSeq(event.message.conversationId) + 1) resync(event.message.conversationId);
    });
    // (The console's lists tell it about chats; here the buyers' acknowledgements do.)
    const conversations = new Set<string>();
    agent.on("console.ready", () => {
      for (const conversationId of new Set([...conversations, ...seenByAgent.keys()])) resync(conversationId);
    });
    await new Promise((resolve) => agent.once("console.ready", resolve));

    // Buyers: each its own client address (the balancer appends the real one, which the nodes trust on loopback).
    const widgets = buyers.map((buyer, i) =>
      connect(`${balancer}/widget`, socketOptions({ auth: { token: signWidgetToken(AUTH_SECRET, { shopId: shop.id, buyerId: buyer.id }, new Date()) }, extraHeaders: { "x-forwarded-for": `198.18.${process.pid % 250}.${i + 1}` } })),
    );
    await Promise.all(widgets.map((socket) => new Promise((resolve) => socket.once("widget.ready", resolve))));

    const sent = new Map<string, string>(); // clientId → body
    const acknowledged = new Map<string, MessageDto>();
    let isLoading = true;
    const stopAt = Date.now() + 150_000;
    const load = widgets.map(async (socket, b) => {
      for (let i = 1; isLoading; i++) {
        const clientId = `roll-${b}-${i}-${process.pid}`;
        const body = `buyer ${b} message ${i}`;
        sent.set(clientId, body);
        const stored = await sendUntilAcked(socket, clientId, body, stopAt);
        acknowledged.set(clientId, stored);
        conversations.add(stored.conversationId);
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    });

    // Load runs before, during and after the restarts.
    await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(BUYERS * 2);
    const restartedAt: number[] = [];
    await cluster.rollingRestart(() => restartedAt.push(acknowledged.size));
    const afterRestart = acknowledged.size;
    await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(afterRestart + BUYERS * 2);
    isLoading = false;
    await Promise.all(load);

    // Every node exited 0 on its SIGTERM and came back.
    for (const node of cluster.nodes) expect(node.exits).toEqual([{ code: 0, signal: null }]);

    const storedRows = await db.message.findMany({ where: { conversation: { shopId: shop.id }, authorType: "buyer" }, select: { clientId: true, seq: true, conversationId: true, body: true } });
    const storedByClientId = new Map<string, number>();
    for (const row of storedRows) storedByClientId.set(row.clientId!, (storedByClientId.get(row.clientId!) ?? 0) + 1);
    const buyerMessagesSeen = () => [...seenByAgent.values()].flatMap((thread) => [...thread.values()]).filter((message) => message.authorType === "buyer");
    // The agent ends holding every stored message (live or by the resync of a reconnection).
    await expect.poll(() => buyerMessagesSeen().length, { timeout: 20_000 }).toBe(storedRows.length);
    const deliveredClientIds = new Map<string, number>();
    for (const message of buyerMessagesSeen()) deliveredClientIds.set(message.clientId!, (deliveredClientIds.get(message.clientId!) ?? 0) + 1);

    const counts = {
      sent: sent.size,
      acknowledged: acknowledged.size,
      stored: storedRows.length,
      delivered: deliveredClientIds.size,
      deliveredLive: liveDeliveries,
      lost: [...acknowledged.keys()].filter((clientId) => !storedByClientId.has(clientId) || !deliveredClientIds.has(clientId)).length,
      duplicated: [...storedByClientId.values()].filter((n) => n > 1).length + [...deliveredClientIds.values()].filter((n) => n > 1).length,
      restartsBeganAtAcknowledged: restartedAt,
    };
    console.log(`rolling restart: ${JSON.stringify(counts)}`);
    expect(counts.lost).toBe(0);
    expect(counts.duplicated).toBe(0);
    expect(counts.acknowledged).toBe(counts.sent);
    expect(counts.stored).toBe(counts.acknowledged);
    // Each conversation's sequence numbers have no gap and no repeat.
    for (const thread of seenByAgent.values()) {
      const seqs = [...thread.keys()].sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
    // Clients were really moved: the load kept being acknowledged while each node restarted.
    expect(restartedAt).toHaveLength(3);
    expect(restartedAt[2]!).toBeGreaterThan(restartedAt[0]!);

    agent.disconnect();
    widgets.forEach((socket) => socket.disconnect());
  }, 240_000);
});
