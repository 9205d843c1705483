// Issue 16: group commit on the buyer-message path (buyer-append-group.ts). Messages of many
// buyers that arrive together are stored by one statement, and each keeps its own outcome: its
// sequence number, its duplicate or its error.
import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { driverPoolOf } from "../../src/server/db/client";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { createBuyer, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const text = (body: string) => ({ kind: "text" as const, body });
let counter = 0;
const clientId = () => `group-${Date.now()}-${counter++}`;

/** Counts the grouped append statements the driver pool runs (the pool is the real one). */
function countAppendStatements(pool: pg.Pool) {
  const counted = { statements: 0, messages: 0 };
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const config = args[0] as { name?: string; values?: unknown[] };
    if (config?.name === "append_buyer_messages") {
      counted.statements += 1;
      counted.messages += (JSON.parse(String(config.values![0])) as unknown[]).length;
    }
    return original(...args);
  };
  return { counted, restore: () => ((pool as unknown as { query: unknown }).query = original) };
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function buyersWithOpenChats(count: number) {
  const shop = await createShop(db);
  const buyers = await Promise.all(Array.from({ length: count }, (_, index) => createBuyer(db, { shopId: shop.id, nickname: `buyer${index}` })));
  // The first message opens each buyer's session (the transactional path).
  for (const buyer of buyers) await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text("hello") });
  return { shop, buyers };
}

describe("group commit of buyers' messages (CHAT-3, NF-4)", () => {
  it("CHAT-3 NF-4 messages of many buyers sent together are stored by one statement, each in its own conversation's order", async () => {
    const { shop, buyers } = await buyersWithOpenChats(30);
    const counter = countAppendStatements(driverPoolOf(db)!);
    restore = counter.restore;
    // Two messages of the first buyer among them: the second waits for the next group.
    const sends = [...buyers, buyers[0]!].map((buyer, index) =>
      ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text(`together ${index}`) }));
    const results = await Promise.all(sends);
    expect(counter.counted.messages).toBe(31);
    expect(counter.counted.statements).toBeLessThanOrEqual(3);
    for (const result of results) expect(result.data).toMatchObject({ isDuplicate: false, openedSessionId: null });
    // Everyone's first message and greeting are seq 1 and 2; the buyer who wrote twice has 3 and 4, in the order sent.
    expect(results.slice(0, 30).map((result) => result.data.message.seq)).toEqual(Array(30).fill(3));
    expect(results[30]!.data.message.seq).toBe(4);
    expect(results[30]!.data.message.body).toBe("together 30");
    // Each message reaches its console rooms and its buyer's widget.
    for (const result of results) expect(result.events.filter((event) => "event" in event && event.event === "message.created")).toHaveLength(2);
    const conversations = await db.conversation.findMany({ where: { shopId: shop.id } });
    expect(conversations.map((conversation) => conversation.lastSeq).sort()).toEqual([...Array(29).fill(3), 4].sort());
  });

  it("CHAT-3 a message the database refuses fails alone: the others sent with it are stored once", async () => {
    const { shop, buyers } = await buyersWithOpenChats(6);
    const counter = countAppendStatements(driverPoolOf(db)!);
    restore = counter.restore;
    // PostgreSQL stores no NUL character in text: that statement fails as a whole.
    const bodies = buyers.map((_, index) => (index === 2 ? "bad \u0000 byte" : `fine ${index}`));
    const outcomes = await Promise.allSettled(buyers.map((buyer, index) =>
      ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: text(bodies[index]!) })));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    // The group's statement, then one statement per message.
    expect(counter.counted.statements).toBe(1 + 6);
    const stored = await db.message.findMany({ where: { shopId: shop.id, authorType: "buyer", body: { startsWith: "fine" } } });
    expect(stored.map((message) => message.body).sort()).toEqual(["fine 0", "fine 1", "fine 3", "fine 4", "fine 5"]);
    expect(await db.message.count({ where: { shopId: shop.id, body: { contains: "bad" } } })).toBe(0);
  });

  it("CHAT-3 a retried message in a group is a duplicate: acknowledged with the stored message, stored once", async () => {
    const { shop, buyers } = await buyersWithOpenChats(4);
    const ids = buyers.map(() => clientId());
    const first = await Promise.all(buyers.map((buyer, index) => ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: ids[index]!, content: text(`once ${index}`) })));
    const retried = await Promise.all(buyers.map((buyer, index) => ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: ids[index]!, content: text(`once ${index}`) })));
    expect(retried.map((result) => result.data.isDuplicate)).toEqual([true, true, true, true]);
    expect(retried.map((result) => result.data.message)).toEqual(first.map((result) => result.data.message));
    expect(retried.flatMap((result) => result.events)).toEqual([]);
    expect(await db.message.count({ where: { shopId: shop.id, body: { startsWith: "once" } } })).toBe(4);
  });
});
