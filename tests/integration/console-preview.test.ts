// CONSOLE-1 (issue 10 item 3): the chat list's preview is what the buyer or agent last wrote;
// the greeting, "joined the chat" notes and other automatic messages never replace it, and
// attachments and cards read as words.
import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { previewOf } from "../../src/server/services/messaging/append-message";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { listChats } from "../../src/server/services/console-lists";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

let counter = 0;
const clientId = () => `preview-${counter++}`;

async function chatAssignedToAva() {
  const shop = await createShop(db);
  const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
  const buyer = await createBuyer(db, { shopId: shop.id, nickname: "mia" });
  const first = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body: "Is the kettle\n\ninduction ready?" } });
  await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
  const member = (await resolveMemberContext(db, { userId: ava.userId, shopId: shop.id }))!;
  return { shop, buyer, member, conversationId: first.data.message.conversationId };
}

async function previewInList(member: Awaited<ReturnType<typeof chatAssignedToAva>>["member"]) {
  const page = await listChats(db, { member, list: "assigned" });
  expect(page.items).toHaveLength(1);
  return page.items[0]!.lastMessagePreview;
}

describe("CONSOLE-1 the chat list preview", () => {
  it("CONSOLE-1 shows the buyer's last words after the greeting and the 'joined the chat' note", async () => {
    const { member, conversationId } = await chatAssignedToAva();
    const kinds = await db.message.findMany({ where: { conversationId }, orderBy: { seq: "asc" }, select: { authorType: true, isAutomatic: true } });
    // The greeting and the assignment note came after the buyer's message...
    expect(kinds.map((m) => m.authorType)).toEqual(["buyer", "bot", "system"]);
    // ...and neither replaced it.
    expect(await previewInList(member)).toBe("Is the kettle induction ready?");
  });

  it("CONSOLE-1 an agent's reply, a photo and a product card read as words", async () => {
    const { shop, buyer, member, conversationId } = await chatAssignedToAva();
    await sendAgentMessage(db, { member, conversationId, clientId: clientId(), content: { kind: "text", body: "Yes, it is!" } });
    expect(await previewInList(member)).toBe("Yes, it is!");

    const upload = await db.upload.create({ data: { shopId: shop.id, storageKey: `k-${counter}`, mimeType: "image/jpeg", sizeBytes: 10, fileName: "scratch.jpg", uploadedBy: `buyer:${buyer.id}` } });
    await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: clientId(), content: { kind: "image", uploadId: upload.id } });
    expect(await previewInList(member)).toBe("Photo: scratch.jpg");

    const product = await db.product.create({ data: { shopId: shop.id, externalId: "p-1", name: "Cast-iron kettle", priceCents: 4900 } });
    await sendAgentMessage(db, { member, conversationId, clientId: clientId(), content: { kind: "product_card", productId: product.id } });
    expect(await previewInList(member)).toBe("Product: Cast-iron kettle");
  });
});

describe("CONSOLE-1 the migration's backfill", () => {
  // The SQL that rewrote stored previews, taken from the migration itself, must agree with
  // previewOf on every kind of message (whitespace, cut at 140 code points, emoji, file names).
  const folder = fs.readdirSync("prisma/migrations").find((name) => name.endsWith("_console_fixes"))!;
  const migration = fs.readFileSync(path.join("prisma/migrations", folder, "migration.sql"), "utf8");
  const backfill = migration.slice(migration.indexOf("UPDATE \"Conversation\""));

  it("CONSOLE-1 rewrites each stored preview to what previewOf gives the last message a person wrote", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    type Row = { authorType: "buyer" | "agent" | "bot" | "system"; kind: "text" | "image" | "video" | "product_card" | "order_card" | "voucher_card" | "system"; body: string; payload?: object; isAutomatic?: boolean };
    const threads: Row[][] = [
      [{ authorType: "buyer", kind: "text", body: "  hello\n\n there  " }, { authorType: "bot", kind: "text", body: "Hi! Welcome", isAutomatic: true }, { authorType: "system", kind: "system", body: "Ava joined the chat", isAutomatic: true }],
      [{ authorType: "buyer", kind: "image", body: "", payload: { fileName: "scratch.jpg" } }],
      [{ authorType: "buyer", kind: "video", body: " the  noise ", payload: { fileName: "clip.mp4" } }],
      [{ authorType: "agent", kind: "product_card", body: "Linen shirt" }, { authorType: "agent", kind: "text", body: "Your order shipped", isAutomatic: true }],
      [{ authorType: "buyer", kind: "text", body: `${"🌿".repeat(150)} end` }],
      [{ authorType: "buyer", kind: "text", body: "x".repeat(140) }],
      [{ authorType: "agent", kind: "voucher_card", body: "10% off" }, { authorType: "buyer", kind: "order_card", body: "Order 1042" }],
      [{ authorType: "system", kind: "system", body: "Only a note" }],
    ];
    const expected = new Map<string, string | null>();
    for (const rows of threads) {
      const buyer = await createBuyer(db, { shopId: shop.id });
      const conversation = await db.conversation.create({ data: { shopId: shop.id, buyerId: buyer.id, lastSeq: rows.length, lastMessagePreview: "[Image] stale" } });
      await db.message.createMany({
        data: rows.map((row, seq) => ({
          shopId: shop.id, conversationId: conversation.id, seq: seq + 1, authorType: row.authorType, authorMemberId: row.authorType === "agent" ? ava.id : null,
          kind: row.kind, body: row.body, payload: row.payload, isAutomatic: row.isAutomatic ?? false,
        })),
      });
      const last = rows.map((row) => previewOf(row)).filter((preview) => preview !== null).at(-1) ?? null;
      expected.set(conversation.id, last);
    }
    await db.$executeRawUnsafe(backfill);
    const stored = await db.conversation.findMany({ where: { shopId: shop.id }, select: { id: true, lastMessagePreview: true } });
    expect(new Map(stored.map((row) => [row.id, row.lastMessagePreview]))).toEqual(expected);
  });
});
