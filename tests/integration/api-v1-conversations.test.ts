// API-1: reading conversations through /api/v1 — the token's shop only, newest first with a
// cursor, and messages in sequence order paginated by seq (CHAT-3).
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { callRoute, createConversation, issueToken, useDbForRoutes } from "./api-v1-support";

const { db, reset } = await useTestDatabase();
useDbForRoutes(db);
const listRoute = await import("../../src/app/api/v1/conversations/route");
const readRoute = await import("../../src/app/api/v1/conversations/[conversationId]/route");
const { ConversationListResponseSchema, ConversationReadResponseSchema } = await import("../../src/shared/api-v1-schemas");

let shopId: string;
let token: string;
beforeEach(async () => {
  await reset();
  shopId = (await createShop(db)).id;
  token = await issueToken(db, shopId);
});

const list = (query = "") => callRoute(listRoute.GET, { url: `/api/v1/conversations${query}`, token });
const read = (conversationId: string, query = "") =>
  callRoute(readRoute.GET, { url: `/api/v1/conversations/${conversationId}${query}`, token, params: { conversationId } });

describe("API-1 conversations", () => {
  it("API-1 lists the shop's conversations newest first, in pages that follow nextCursor", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const buyer = await createBuyer(db, { shopId, externalId: `cust-${index}`, nickname: `buyer ${index}` });
      const { conversation } = await createConversation(db, {
        shopId,
        buyerId: buyer.id,
        createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        messages: [{ author: "buyer", body: `hello ${index}` }],
      });
      ids.push(conversation.id);
    }
    const first = await list("?limit=2");
    expect(first.status).toBe(200);
    expect(ConversationListResponseSchema.parse(first.json)).toBeTruthy();
    expect(first.json.data.map((c: { id: string }) => c.id)).toEqual([ids[4], ids[3]]);
    expect(first.json.data[0]).toMatchObject({ buyer: { externalId: "cust-4", nickname: "buyer 4" }, lastMessagePreview: "hello 4", lastSeq: 1 });
    const second = await list(`?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.data.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const third = await list(`?limit=2&cursor=${second.json.nextCursor}`);
    expect(third.json.data.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(third.json.nextCursor).toBeNull();

    const byBuyer = await list("?buyerExternalId=cust-3");
    expect(byBuyer.json.data.map((c: { id: string }) => c.id)).toEqual([ids[3]]);
  });

  it("API-1 rejects bad query parameters with field errors", async () => {
    const response = await list("?limit=500&cursor=nope");
    expect(response.status).toBe(400);
    expect(Object.keys(response.json.error.fieldErrors).sort()).toEqual(["cursor", "limit"]);
    const otherShop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: otherShop.id });
    const { conversation } = await createConversation(db, { shopId: otherShop.id, buyerId: buyer.id });
    const foreignCursor = await list(`?cursor=${conversation.id}`);
    expect(foreignCursor.status).toBe(400);
    expect(foreignCursor.json.error.fieldErrors.cursor).toEqual(["Use the nextCursor of the previous page."]);
  });

  it("API-1 reads a conversation with its sessions and messages paginated by seq", async () => {
    const member = await createMember(db, { shopId, nickname: "Ava" });
    const buyer = await createBuyer(db, { shopId, externalId: "cust-9", nickname: "mia" });
    const { conversation, session } = await createConversation(db, {
      shopId,
      buyerId: buyer.id,
      state: "open",
      assigneeId: member.id,
      messages: [
        { author: "buyer", body: "one" },
        { author: "agent", body: "two", memberId: member.id },
        { author: "buyer", body: "three" },
        { author: "agent", body: "four", memberId: member.id },
        { author: "buyer", body: "five" },
      ],
    });
    const first = await read(conversation.id, "?limit=2");
    expect(first.status).toBe(200);
    expect(ConversationReadResponseSchema.parse(first.json)).toBeTruthy();
    expect(first.json.data).toMatchObject({
      id: conversation.id,
      lastSeq: 5,
      activeSession: { id: session.id, state: "open", assignee: { nickname: "Ava" } },
      sessions: [{ id: session.id }],
    });
    expect(first.json.messages.map((m: { seq: number; body: string }) => [m.seq, m.body])).toEqual([[1, "one"], [2, "two"]]);
    expect(first.json.messages[1]).toMatchObject({ authorType: "agent", author: { nickname: "Ava" } });
    // TEAM-6: agents appear by nickname only.
    expect(JSON.stringify(first.json)).not.toContain(member.user.email);
    expect(first.json.nextAfterSeq).toBe(2);
    const rest = await read(conversation.id, "?afterSeq=2&limit=10");
    expect(rest.json.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5]);
    expect(rest.json.nextAfterSeq).toBeNull();
  });

  it("API-1 another shop's conversation and a malformed id are both 404", async () => {
    const otherShop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: otherShop.id });
    const { conversation } = await createConversation(db, { shopId: otherShop.id, buyerId: buyer.id, messages: [{ author: "buyer", body: "secret" }] });
    const foreign = await read(conversation.id);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error).toEqual({ code: "NOT_FOUND", message: "This conversation does not exist in this shop." });
    expect((await read("not-a-uuid")).status).toBe(404);
  });
});
