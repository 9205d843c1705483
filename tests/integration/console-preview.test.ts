// CONSOLE-1 (issue 10 item 3): the chat list's preview is what the buyer or agent last wrote;
// the greeting, "joined the chat" notes and other automatic messages never replace it, and
// attachments and cards read as words.
import { beforeEach, describe, expect, it } from "vitest";
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
  return { shop, buyer, member, conversationId: first.message.conversationId };
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
