// ASSIGN-7: under any concurrency, on any number of nodes, auto-assignment never exceeds a
// member's capacity and never assigns one session twice. Three separate app processes share one
// PostgreSQL and one Redis (presence) and hammer one shop with hundreds of concurrent arrivals,
// connects, disconnects, accept toggles, capacity changes, ends and transfers, while this test
// samples the invariants throughout and checks every record at the end.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, url, reset } = await useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redis = new Redis(REDIS_URL);
afterAll(() => redis.quit());
beforeEach(reset);

function runWorker(env: Record<string, string>): Promise<{ failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/assignment-chaos-worker.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}`));
      try {
        resolve(JSON.parse(output.trim().split("\n").at(-1)!));
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function setupShop() {
  const shop = await createShop(db);
  const capacities = [1, 2, 3, 5, 8];
  for (const [index, capacity] of capacities.entries()) {
    await createMember(db, { shopId: shop.id, nickname: `agent${index}`, maxCapacity: capacity });
  }
  for (let i = 0; i < 60; i++) await createBuyer(db, { shopId: shop.id });
  return shop;
}

async function sampleViolations(shopId: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ over: bigint }>>`
    SELECT count(*) AS over FROM "Member" m
    WHERE m."shopId" = ${shopId}::uuid
      AND (SELECT count(*) FROM "ChatSession" s WHERE s."assigneeId" = m.id AND s.state = 'open') > m."maxCapacity"`;
  return Number(rows[0]!.over);
}

async function checkRecords(shopId: string) {
  // Counter kept under the lock equals the real number of open sessions.
  const members = await db.member.findMany({ where: { shopId }, include: { _count: { select: { assignedSessions: { where: { state: "open" } } } } } });
  for (const member of members) expect(member.openSessionCount, member.nickname).toBe(member._count.assignedSessions);
  // Never assigned twice: a session is taken from the queue once, plus once per requeue.
  const perSession = await db.$queryRaw<Array<{ sessionId: string; takes: bigint; requeues: bigint }>>`
    SELECT "sessionId", count(*) FILTER (WHERE kind IN ('auto', 'single_member', 'manual')) AS takes, count(*) FILTER (WHERE kind = 'requeue') AS requeues
    FROM "Assignment" WHERE "shopId" = ${shopId}::uuid GROUP BY "sessionId"`;
  for (const row of perSession) expect(Number(row.takes), row.sessionId).toBeLessThanOrEqual(Number(row.requeues) + 1);
  // Every auto decision compared figures below capacity for the member it chose.
  const autos = await db.assignment.findMany({ where: { shopId, kind: "auto" } });
  for (const record of autos) {
    const chosen = (record.detail as { compared: Array<{ memberId: string; openSessions: number; maxCapacity: number }> }).compared.find((c) => c.memberId === record.toMemberId)!;
    expect(chosen.openSessions).toBeLessThan(chosen.maxCapacity);
  }
  // Open sessions have one holder; queued ones none; no conversation has two active sessions.
  expect(await db.chatSession.count({ where: { shopId, state: "open", assigneeId: null } })).toBe(0);
  expect(await db.chatSession.count({ where: { shopId, state: "queued", assigneeId: { not: null } } })).toBe(0);
  const active = await db.chatSession.groupBy({ by: ["conversationId"], where: { shopId, state: { in: ["queued", "open"] } }, _count: { _all: true } });
  expect(active.every((row) => row._count._all === 1)).toBe(true);
  return { sessions: await db.chatSession.count({ where: { shopId } }), assignments: await db.assignment.count({ where: { shopId } }) };
}

describe("assignment under concurrency (ASSIGN-7, NF-2)", () => {
  for (const withTransfers of [false, true]) {
    it(`ASSIGN-7 three processes never exceed a capacity or assign a session twice${withTransfers ? " (with transfers)" : ""}`, async () => {
      const shop = await setupShop();
      await redis.del(`counterpart:presence:${shop.id}`);
      let sampling = true;
      let violations = 0;
      let samples = 0;
      const sampler = (async () => {
        while (sampling) {
          // Manual transfers may knowingly go over capacity (CHAT-6), so sample only without them.
          if (!withTransfers) violations += await sampleViolations(shop.id);
          samples += 1;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const env = { DATABASE_URL: url, REDIS_URL, SHOP_ID: shop.id, OPERATIONS: "150", WITH_TRANSFERS: withTransfers ? "1" : "0" };
      const results = await Promise.all(["1", "2", "3"].map((worker) => runWorker({ ...env, WORKER: worker + crypto.randomInt(1000) })));
      sampling = false;
      await sampler;
      expect(results.flatMap((result) => result.failures)).toEqual([]);
      expect(violations).toBe(0);
      if (!withTransfers) expect(await sampleViolations(shop.id)).toBe(0);
      const totals = await checkRecords(shop.id);
      expect(samples).toBeGreaterThan(5);
      expect(totals.sessions).toBeGreaterThan(50);
      expect(totals.assignments).toBeGreaterThan(20);
    }, 180_000);
  }
});
