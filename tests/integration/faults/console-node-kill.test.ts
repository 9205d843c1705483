// ASSIGN-2, ASSIGN-4, NF-2: kill -9 of the node holding an agent's only console. Nobody sees that
// socket close, so until the node heartbeat says the node is dead the agent looks online; within
// 10 s of the kill (NODE_DEAD_AFTER_MS after the node's last beat, src/core/presence) new chats stop
// going to her. When the grace period (counted from that last beat) ends without her back, the
// chats auto-assigned to her after the last beat return to the queue, and the next agent to come
// online gets them. The kill time, the first chat she stopped receiving and the requeue are measured.
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../../factories";
import { signInCookie } from "../../factories/session-cookie";
import { useTestDatabase } from "../../support/test-database";
import { TEST_AUTH_SECRET, widgetToken } from "../../support/realtime-node";
import { startNodeProcess } from "../../support/fault-cluster";
import { NODE_DEAD_AFTER_MS } from "../../../src/core/presence";
import type { MessageDto } from "../../../src/shared/dto";
import { eventually } from "./fault-clients";

const { db, url } = await useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const GRACE_MS = 12_000;

function openSocket(nodeUrl: string, namespace: string, options: { cookie?: string; token?: string }): Promise<Socket> {
  const socket = connect(`${nodeUrl}${namespace}`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: options.cookie ? { cookie: options.cookie } : undefined, auth: options.token ? { token: options.token } : {} });
  return new Promise((resolve, reject) => {
    socket.once(namespace === "/console" ? "console.ready" : "widget.ready", () => resolve(socket));
    socket.once("connect_error", (error) => reject(new Error(`${namespace} on ${nodeUrl}: ${error.message}`)));
  });
}

describe("faults: the node of an agent's only console is killed (ASSIGN-2, NF-2)", () => {
  it("ASSIGN-2 ASSIGN-4 NF-2 kill -9 of the console's node: no auto-assignment to her within 10 s, her chats since the last heartbeat requeued after the grace period, 0 lost, 0 duplicated", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, role: "agent", nickname: "Ava", maxCapacity: 500 });
    const ben = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Ben", maxCapacity: 500 });
    const [avasNode, otherNode] = await Promise.all([
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3483, graceMs: GRACE_MS }),
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3484, graceMs: GRACE_MS }),
    ]);
    const redis = new Redis(REDIS_URL);
    const sockets: Socket[] = [];
    try {
      sockets.push(await openSocket(avasNode.url, "/console", { cookie: (await signInCookie(db, ava, TEST_AUTH_SECRET)).cookie }));
      const acknowledged = new Map<string, { buyerId: string; ackedAt: number; clientId: string }>();
      let counter = 0;
      // A new buyer opens a chat on the surviving node: one message, acknowledged = stored.
      const openChat = async () => {
        const buyer = await createBuyer(db, { shopId: shop.id });
        const widget = await openSocket(otherNode.url, "/widget", { token: widgetToken(buyer) });
        const clientId = `lost-console-${String(counter++).padStart(4, "0")}`;
        const reply = await widget.timeout(10_000).emitWithAck("message:send", { clientId, content: { kind: "text", body: "hello?" } }) as { ok: boolean; data: MessageDto };
        widget.disconnect();
        expect(reply.ok).toBe(true);
        acknowledged.set(reply.data.conversationId, { buyerId: buyer.id, ackedAt: Date.now(), clientId });
      };
      for (let i = 0; i < 4; i++) await openChat();
      await eventually(async () => (await db.chatSession.count({ where: { shopId: shop.id, assigneeId: ava.id } })) === 4, 10_000, "the first chats go to Ava");

      // These four her console has shown (a heartbeat of her node came after them): she keeps them.
      const seenUpTo = Math.max(...(await db.assignment.findMany({ where: { toMemberId: ava.id } })).map((row) => row.createdAt.getTime()));
      await eventually(async () => Number(await redis.hget("counterpart:presence:nodes", avasNode.nodeId)) > seenUpTo, 5_000, "a heartbeat after the first chats");
      const killedAt = Date.now();
      await avasNode.kill9();
      const lastBeatAt = Number(await redis.hget("counterpart:presence:nodes", avasNode.nodeId));
      expect(killedAt - lastBeatAt).toBeLessThanOrEqual(2_500); // a beat every 2 s
      while (Date.now() - killedAt < 11_000) {
        await openChat();
        await new Promise((resolve) => setTimeout(resolve, 250)); // the arrival rate of new chats, not a synchronisation
      }
      const autoToAva = await db.assignment.findMany({ where: { shopId: shop.id, toMemberId: ava.id, kind: "auto" }, select: { sessionId: true, createdAt: true, session: { select: { conversationId: true } } } });
      const postKillToAva = autoToAva.filter((row) => acknowledged.get(row.session.conversationId)!.ackedAt > killedAt);
      const lastAssignedToAvaAt = Math.max(killedAt, ...autoToAva.map((row) => row.createdAt.getTime()));
      const detectionMs = lastAssignedToAvaAt - killedAt;
      const postKill = [...acknowledged.values()].filter((chat) => chat.ackedAt > killedAt);

      // The grace period ends (from the last beat): her chats since then go back to the queue.
      const lostSessions = autoToAva.filter((row) => row.createdAt.getTime() > lastBeatAt).map((row) => row.sessionId);
      await eventually(async () => (await db.chatSession.count({ where: { id: { in: lostSessions }, state: "queued" } })) === lostSessions.length, 25_000, "Ava's lost chats requeued");
      const requeuedAt = Math.max(...(await db.assignment.findMany({ where: { sessionId: { in: lostSessions }, kind: "requeue" }, select: { createdAt: true } })).map((row) => row.createdAt.getTime()), 0);
      const kept = await db.chatSession.count({ where: { shopId: shop.id, assigneeId: ava.id, state: "open" } });

      // Ben comes online on the surviving node: the queue drains to him; he reads every chat he got.
      const benSocket = await openSocket(otherNode.url, "/console", { cookie: (await signInCookie(db, ben, TEST_AUTH_SECRET)).cookie });
      sockets.push(benSocket);
      const total = acknowledged.size;
      await eventually(async () => (await db.chatSession.count({ where: { shopId: shop.id, assigneeId: ben.id } })) === total - kept, 15_000, "the queue drains to Ben");
      const bens = await db.chatSession.findMany({ where: { shopId: shop.id, assigneeId: ben.id }, select: { conversationId: true } });
      const delivered = new Set<string>();
      for (const { conversationId } of bens) {
        const reply = await benSocket.timeout(5_000).emitWithAck("conversation:sync", { conversationId, afterSeq: 0, limit: 500 }) as { ok: boolean; data: { messages: MessageDto[] } };
        for (const message of reply.data.messages) if (message.authorType === "buyer") delivered.add(message.clientId!);
      }
      const storedRows = await db.message.findMany({ where: { conversation: { shopId: shop.id }, authorType: "buyer" }, select: { clientId: true } });
      const stored = new Set(storedRows.map((row) => row.clientId));
      const ackedIds = [...acknowledged.values()].map((chat) => chat.clientId);
      const counts = {
        acknowledged: ackedIds.length, stored: storedRows.length, deliveredToBen: delivered.size, keptByAva: kept,
        lost: ackedIds.filter((id) => !stored.has(id)).length, duplicated: storedRows.length - stored.size,
        chatsAfterKill: postKill.length, toAvaAfterKill: postKillToAva.length, requeued: lostSessions.length,
        detectionMs, lastBeatBeforeKillMs: killedAt - lastBeatAt, requeueAfterKillMs: requeuedAt - killedAt,
      };
      console.info("ASSIGN-2 lost console", JSON.stringify(counts));

      // Detection: nothing auto-assigned to her later than 10 s after the kill, nor after her node was dead.
      expect(detectionMs).toBeLessThanOrEqual(10_000);
      expect(lastAssignedToAvaAt).toBeLessThanOrEqual(lastBeatAt + NODE_DEAD_AFTER_MS + 1_000);
      expect(postKill.length).toBeGreaterThan(postKillToAva.length);
      // Grace: the requeue waited for the grace period from the last beat, and kept what she had seen.
      expect(requeuedAt).toBeGreaterThanOrEqual(lastBeatAt + GRACE_MS);
      expect(kept).toBe(4);
      expect(kept).toBe(autoToAva.length - lostSessions.length);
      expect((await db.chatSession.count({ where: { shopId: shop.id, assigneeId: ava.id, assignedAt: { gt: new Date(lastBeatAt) } } }))).toBe(0);
      // Nothing lost, nothing repeated: every chat is Ava's (seen before the last beat) or Ben's.
      expect(counts.lost).toBe(0);
      expect(counts.duplicated).toBe(0);
      expect(kept + bens.length).toBe(total);
      expect(delivered.size).toBe(bens.length);
    } finally {
      sockets.forEach((socket) => socket.disconnect());
      await redis.quit();
    }
  }, 60_000);
});
