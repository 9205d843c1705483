// NF-2, CHAT-3: kill -9 of a node in the middle of a message stream. The buyer's tabs were on the
// killed node; they fail over to the other node directly (no balancer in this test), resume from
// their last gap-free sequence number and re-send what was not acknowledged with the same client
// id. The agent stays on the surviving node and writes all along. Nothing lost, nothing repeated.
import { describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../../factories";
import { signInCookie } from "../../factories/session-cookie";
import { useTestDatabase } from "../../support/test-database";
import { TEST_AUTH_SECRET, widgetToken } from "../../support/realtime-node";
import { startNodeProcess } from "../../support/fault-cluster";
import { eventually, FollowingClient, ledger } from "./fault-clients";

const { db, url } = await useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("faults: a node killed mid-stream (NF-2)", () => {
  it("NF-2 CHAT-3 kill -9 of the buyer's node mid-stream: clients fail over, resume by seq, 0 lost and 0 duplicated", async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" }); // ASSIGN-1: every chat is hers
    const buyer = await createBuyer(db, { shopId: shop.id });
    const [doomed, survivor] = await Promise.all([
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3481 }),
      startNodeProcess({ databaseUrl: url, redisUrl: REDIS_URL, port: 3482 }),
    ]);
    const clients: FollowingClient[] = [];
    try {
      const token = widgetToken(buyer);
      let conversationId: string | null = null;
      const buyerTab = new FollowingClient({ namespace: "/widget", urls: [doomed.url, survivor.url], credentials: { token } });
      const buyerSecondTab = new FollowingClient({ namespace: "/widget", urls: [doomed.url, survivor.url], credentials: { token } });
      const { cookie } = await signInCookie(db, owner, TEST_AUTH_SECRET);
      const agent = new FollowingClient({ namespace: "/console", urls: [survivor.url, doomed.url], credentials: { cookie }, conversationId: () => conversationId });
      clients.push(buyerTab, buyerSecondTab, agent);
      await Promise.all(clients.map((client) => client.ready()));
      const first = await buyerTab.send({ clientId: "kill-buyer-0000", content: { kind: "text", body: "b0" } });
      conversationId = first.message.conversationId;

      const acknowledged = new Set<string>([first.message.clientId!]);
      const total = 120;
      let killedAt = 0;
      let buyerFailures = 0;
      const firstDeliveryAfterKill = new Map<FollowingClient, number>();
      const buyerStream = (async () => {
        for (let i = 1; i <= total; i++) {
          if (i === 40) {
            killedAt = performance.now();
            await doomed.kill9();
          }
          const sent = await buyerTab.send({ clientId: `kill-buyer-${String(i).padStart(4, "0")}`, content: { kind: "text", body: `b${i}` } });
          buyerFailures += sent.failures;
          acknowledged.add(sent.message.clientId!);
        }
      })();
      const agentStream = (async () => {
        for (let i = 1; i <= total; i++) {
          const sent = await agent.send({ conversationId, clientId: `kill-agent-${String(i).padStart(4, "0")}`, content: { kind: "text", body: `a${i}` } });
          acknowledged.add(sent.message.clientId!);
        }
      })();
      await Promise.all([buyerStream, agentStream]);

      const rows = await db.message.findMany({ where: { conversationId: conversationId! }, select: { clientId: true, seq: true }, orderBy: { seq: "asc" } });
      const lastSeq = rows.at(-1)!.seq;
      await eventually(() => clients.every((client) => client.timeline.contiguousSeq >= lastSeq), 20_000, "every client holds the whole conversation");
      for (const client of clients) {
        const afterKill = [...client.timeline.arrivals.values()].filter((at) => at > killedAt).sort((a, b) => a - b)[0];
        if (afterKill) firstDeliveryAfterKill.set(client, afterKill - killedAt);
      }
      const counts = ledger({ acknowledged, storedClientIds: rows.map((row) => row.clientId!).filter(Boolean), followers: clients.map((client) => client.timeline) });
      console.info("NF-2 kill mid-stream", JSON.stringify({
        ...counts, buyerSendFailuresDuringOutage: buyerFailures,
        failovers: clients.map((client) => client.failovers),
        firstDeliveryAfterKillMs: [...firstDeliveryAfterKill.values()].map((ms) => Math.round(ms)),
      }));
      expect(counts.acknowledged).toBe(2 * total + 1);
      expect(counts.lost).toBe(0);
      expect(counts.duplicated).toBe(0);
      expect(counts.stored).toBe(counts.acknowledged);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1)); // gap-free
      expect(buyerTab.failovers + buyerSecondTab.failovers).toBeGreaterThanOrEqual(2);
      expect(agent.failovers).toBe(0);
    } finally {
      clients.forEach((client) => client.close());
    }
  }, 60_000);
});
