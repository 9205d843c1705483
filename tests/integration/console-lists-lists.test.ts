// CONSOLE-1 (lists), CONSOLE-3 (categories) and CONSOLE-5 (sort) on real PostgreSQL: which chats
// each list holds for each role, what an item carries, keyset pagination, and that nobody sees
// another agent's open chats or another shop's anything.
import { beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/core/errors";
import { listChats, searchChats, countStatuses, getConsolePreferences, setSortOrder } from "../../src/server/services/console-lists";
import type { ChatListItemDto, ConsoleList } from "../../src/core/console";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { assignQueuedSession } from "../../src/server/services/assignment/assign-manually";
import { endSession } from "../../src/server/services/sessions/close-session";
import { createBuyer } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { HOUR, MINUTE, NOW, ago, createChat, createTeamShop, markRead } from "./console-lists-support";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const ids = (items: ChatListItemDto[]) => items.map((item) => item.sessionId);
const sorted = (values: string[]) => [...values].sort();

async function allPages(input: Parameters<typeof listChats>[1], pageSize: number) {
  const items: ChatListItemDto[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const result = await listChats(db, { ...input, cursor, limit: pageSize });
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("CONSOLE-1 chat lists", () => {
  it("CONSOLE-1 Assigned holds only the member's open chats; Unassigned every queued chat", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    const mine = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    const bens = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId });
    const queued = await createChat(db, { shopId: shop.id, state: "queued" });
    await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId });

    expect(ids((await listChats(db, { member: ava, list: "assigned", now: NOW })).items)).toEqual([mine.session.id]);
    expect(ids((await listChats(db, { member: ben, list: "assigned", now: NOW })).items)).toEqual([bens.session.id]);
    for (const member of [ava, ben]) {
      expect(ids((await listChats(db, { member, list: "unassigned", now: NOW })).items)).toEqual([queued.session.id]);
    }
  });

  it("CONSOLE-1 All open shows queued and open chats of everyone, only to roles with chat access management", async () => {
    const { shop, owner, admin, ava, ben } = await createTeamShop(db);
    const avas = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    const bens = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId });
    const queued = await createChat(db, { shopId: shop.id, state: "queued" });
    await createChat(db, { shopId: shop.id, state: "expired", assigneeId: ben.memberId });

    const expected = sorted([avas.session.id, bens.session.id, queued.session.id]);
    for (const manager of [owner, admin]) {
      expect(sorted(ids((await listChats(db, { member: manager, list: "all", now: NOW })).items))).toEqual(expected);
    }
    await expect(listChats(db, { member: ava, list: "all", now: NOW })).rejects.toSatisfy((error) => isAppError(error) && error.code === "FORBIDDEN");

    // TEAM-5: a shop that grants agents chat access management.
    const open = await createTeamShop(db, { chatAccessRoles: ["owner", "admin", "agent"] });
    const other = await createChat(db, { shopId: open.shop.id, state: "open", assigneeId: open.ben.memberId });
    expect(ids((await listChats(db, { member: open.ava, list: "all", now: NOW })).items)).toEqual([other.session.id]);
  });

  it("CONSOLE-1 History holds the agent's own closed sessions, every closed session for chat access roles, most recently closed first", async () => {
    const { shop, admin, ava, ben } = await createTeamShop(db);
    const older = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, closedAt: ago(3 * HOUR) });
    const newer = await createChat(db, { shopId: shop.id, state: "expired", assigneeId: ava.memberId, closedAt: ago(1 * HOUR) });
    const bens = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ben.memberId, closedAt: ago(2 * HOUR) });
    const endedInQueue = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: null, closedAt: ago(4 * HOUR) });
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });

    expect(ids((await listChats(db, { member: ava, list: "history", now: NOW })).items)).toEqual([newer.session.id, older.session.id]);
    expect(ids((await listChats(db, { member: ben, list: "history", now: NOW })).items)).toEqual([bens.session.id]);
    expect(ids((await listChats(db, { member: admin, list: "history", now: NOW })).items)).toEqual([
      newer.session.id, bens.session.id, older.session.id, endedInQueue.session.id,
    ]);
    const [item] = (await listChats(db, { member: ava, list: "history", now: NOW })).items;
    expect(item).toMatchObject({ state: "expired", slaStatus: null, closedAt: ago(1 * HOUR).toISOString() });
  });

  it("CONSOLE-1 an item carries buyer, last message, waiting time, unread dot, Not replied tag, category, star and SLA status", async () => {
    const { shop, ava } = await createTeamShop(db);
    const waiting = await createChat(db, {
      shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "mia_reads", category: "logistics", starred: true,
      messages: [
        { author: "buyer", body: "Where is ORD-24017?", at: ago(22 * HOUR) },
        { author: "agent", body: "On its way!", at: ago(21 * HOUR) },
        { author: "buyer", body: "Can I change the address?", at: ago(21 * HOUR - MINUTE) },
      ],
      oldestUnansweredAt: ago(21 * HOUR - MINUTE),
    });
    await markRead(db, ava.memberId, waiting.conversation.id, 2);
    const answered = await createChat(db, {
      shopId: shop.id, state: "open", assigneeId: ava.memberId, buyerNickname: "leo.k",
      messages: [{ author: "buyer", body: "Thanks", at: ago(2 * HOUR) }, { author: "agent", body: "You're welcome", at: ago(HOUR) }],
      oldestUnansweredAt: null,
    });
    await markRead(db, ava.memberId, answered.conversation.id, 2);

    const { items } = await listChats(db, { member: ava, list: "assigned", sort: "waiting_time", now: NOW });
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      conversationId: waiting.conversation.id,
      sessionId: waiting.session.id,
      state: "open",
      buyer: { id: waiting.buyer.id, nickname: "mia_reads", avatarUrl: null },
      assignee: { id: ava.memberId, nickname: ava.nickname },
      lastMessagePreview: "Can I change the address?",
      lastMessageAt: ago(21 * HOUR - MINUTE).toISOString(),
      lastBuyerMessageAt: ago(21 * HOUR - MINUTE).toISOString(),
      waitingSince: ago(21 * HOUR - MINUTE).toISOString(),
      isNotReplied: true,
      withBot: false,
      isUnread: true,
      category: "logistics",
      starred: true,
      rating: null,
      slaStatus: "due_soon",
      closedAt: null,
    });
    expect(items[1]).toMatchObject({ sessionId: answered.session.id, isNotReplied: false, isUnread: false, waitingSince: null, slaStatus: "answered", category: null, starred: false });

    // CHAT-4: reading up to the last message clears the dot; an agent's own reply never sets it.
    await markRead(db, ava.memberId, waiting.conversation.id, 3);
    expect((await listChats(db, { member: ava, list: "assigned", now: NOW })).items[0]).toMatchObject({ isUnread: false, isNotReplied: true });
  });

  it("CONSOLE-1 keyset pagination walks every item exactly once, in order, for each list and sort", async () => {
    const { shop, admin, ava } = await createTeamShop(db);
    for (let index = 0; index < 7; index += 1) {
      await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: index % 3 === 0 ? null : ago((index + 1) * HOUR), lastBuyerMessageAt: ago((index + 1) * 30 * MINUTE) });
      await createChat(db, { shopId: shop.id, state: "queued", oldestUnansweredAt: ago(index * MINUTE), lastBuyerMessageAt: ago(index * MINUTE) });
      // Equal closing times: the id breaks the tie, so no item is skipped or repeated.
      await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, closedAt: ago(index < 3 ? HOUR : index * HOUR) });
    }
    const cases: Array<{ list: ConsoleList; sort: "waiting_time" | "latest" }> = [
      { list: "assigned", sort: "waiting_time" }, { list: "assigned", sort: "latest" },
      { list: "unassigned", sort: "waiting_time" }, { list: "all", sort: "latest" }, { list: "history", sort: "waiting_time" },
    ];
    for (const { list, sort } of cases) {
      const member = list === "all" ? admin : ava;
      const whole = (await listChats(db, { member, list, sort, now: NOW, limit: 100 })).items;
      expect(whole.length).toBeGreaterThan(0);
      for (const pageSize of [1, 2, 3]) {
        expect(ids(await allPages({ member, list, sort, now: NOW }, pageSize)), `${list} ${sort} by ${pageSize}`).toEqual(ids(whole));
      }
    }
  });

  it("CONSOLE-1 refuses a cursor that does not decode", async () => {
    const { ava } = await createTeamShop(db);
    await expect(listChats(db, { member: ava, list: "assigned", cursor: "not-a-cursor", now: NOW })).rejects.toSatisfy(
      (error) => isAppError(error) && error.code === "BAD_INPUT" && Boolean(error.fieldErrors?.cursor),
    );
  });

  it("CONSOLE-1 an agent never sees another agent's open or closed chats, and a member of another shop sees nothing", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId, buyerNickname: "secret_buyer", messages: [{ author: "buyer", body: "my secret kettle question" }] });
    await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ben.memberId, buyerNickname: "secret_closed" });
    const queued = await createChat(db, { shopId: shop.id, state: "queued", buyerNickname: "everyone_sees" });
    const stranger = await createTeamShop(db);

    for (const list of ["assigned", "history"] as const) expect((await listChats(db, { member: ava, list, now: NOW })).items).toEqual([]);
    expect(ids((await listChats(db, { member: ava, list: "unassigned", now: NOW })).items)).toEqual([queued.session.id]);
    expect((await searchChats(db, { member: ava, q: "secret" })).results).toEqual([]);
    expect((await searchChats(db, { member: ava, q: "kettle" })).results).toEqual([]);
    const counts = await countStatuses(db, { member: ava, now: NOW });
    expect(counts.assigned.total).toBe(0);
    expect(counts.closed).toBe(0);

    for (const member of [stranger.owner, stranger.ava]) {
      for (const list of ["assigned", "unassigned", "history"] as const) expect((await listChats(db, { member, list, now: NOW })).items).toEqual([]);
      expect((await listChats(db, { member: stranger.owner, list: "all", now: NOW })).items).toEqual([]);
      expect((await searchChats(db, { member, q: "secret" })).results).toEqual([]);
      expect((await searchChats(db, { member, q: "everyone" })).results).toEqual([]);
      const strangerCounts = await countStatuses(db, { member, now: NOW });
      expect(strangerCounts).toMatchObject({ assigned: { total: 0 }, unassigned: { total: 0 }, closed: 0, nextChangeAt: null });
    }
  });

  it("CONSOLE-1 follows the real services: a new chat waits in Unassigned, moves to Assigned, loses its tag when answered and ends in History", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id, nickname: "nora_w" });
    const first = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "c-1", content: { kind: "text", body: "Is the kettle in stock?" } });
    const sessionId = first.data.openedSessionId ?? (await db.chatSession.findFirstOrThrow({ where: { conversation: { buyerId: buyer.id } } })).id;

    const [waiting] = (await listChats(db, { member: ben, list: "unassigned" })).items;
    expect(waiting).toMatchObject({ sessionId, buyer: { nickname: "nora_w" }, isNotReplied: true, isUnread: true, slaStatus: "on_time" });

    await assignQueuedSession(db, { member: ava, sessionId, targetMemberId: ava.memberId });
    expect((await listChats(db, { member: ben, list: "unassigned" })).items).toEqual([]);
    expect(ids((await listChats(db, { member: ava, list: "assigned" })).items)).toEqual([sessionId]);

    await sendAgentMessage(db, { member: ava, conversationId: waiting!.conversationId, clientId: "a-1", content: { kind: "text", body: "Yes, it is!" } });
    expect((await listChats(db, { member: ava, list: "assigned" })).items[0]).toMatchObject({
      isNotReplied: false, isUnread: false, waitingSince: null, slaStatus: "answered", lastMessagePreview: "Yes, it is!",
    });

    await endSession(db, { member: ava, sessionId });
    expect((await listChats(db, { member: ava, list: "assigned" })).items).toEqual([]);
    expect(ids((await listChats(db, { member: ava, list: "history" })).items)).toEqual([sessionId]);
    expect((await listChats(db, { member: ben, list: "history" })).items).toEqual([]);
  });
});

describe("CONSOLE-3 category filter", () => {
  it("CONSOLE-3 filters every list by pre-purchase, logistics or after-sales; all shows everything", async () => {
    const { shop, ava } = await createTeamShop(db);
    const byCategory = {
      pre_purchase: await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, category: "pre_purchase" }),
      logistics: await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, category: "logistics" }),
      after_sales: await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, category: "after_sales" }),
    };
    const uncategorized = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, category: null });
    const closedLogistics = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, category: "logistics" });

    for (const [category, chat] of Object.entries(byCategory)) {
      const items = (await listChats(db, { member: ava, list: "assigned", category: category as keyof typeof byCategory, now: NOW })).items;
      expect(ids(items)).toEqual([chat.session.id]);
      expect(items[0]!.category).toBe(category);
    }
    const all = (await listChats(db, { member: ava, list: "assigned", category: "all", now: NOW })).items;
    expect(sorted(ids(all))).toEqual(sorted([...Object.values(byCategory).map((chat) => chat.session.id), uncategorized.session.id]));
    expect(ids((await listChats(db, { member: ava, list: "history", category: "logistics", now: NOW })).items)).toEqual([closedLogistics.session.id]);
    expect((await listChats(db, { member: ava, list: "history", category: "after_sales", now: NOW })).items).toEqual([]);
  });
});

describe("CONSOLE-5 sort", () => {
  async function seedSortable() {
    const team = await createTeamShop(db);
    const { shop, ava } = team;
    // Waiting 5 h, last buyer message 1 h ago; waiting 9 h, last message 8 h ago; answered with
    // a buyer message 30 min ago; answered with a buyer message 3 h ago.
    const a = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(5 * HOUR), lastBuyerMessageAt: ago(HOUR) });
    const b = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(9 * HOUR), lastBuyerMessageAt: ago(8 * HOUR) });
    const c = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: null, lastBuyerMessageAt: ago(30 * MINUTE) });
    const d = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: null, lastBuyerMessageAt: ago(3 * HOUR) });
    return { ...team, a, b, c, d };
  }

  it("CONSOLE-5 by waiting time: the longest wait first, chats with nothing to answer last (latest buyer message first)", async () => {
    const { ava, a, b, c, d } = await seedSortable();
    const page = await listChats(db, { member: ava, list: "assigned", sort: "waiting_time", now: NOW });
    expect(ids(page.items)).toEqual([b.session.id, a.session.id, c.session.id, d.session.id]);
    expect(page.sort).toBe("waiting_time");
  });

  it("CONSOLE-5 by latest: the most recent buyer message first", async () => {
    const { ava, a, b, c, d } = await seedSortable();
    const page = await listChats(db, { member: ava, list: "assigned", sort: "latest", now: NOW });
    expect(ids(page.items)).toEqual([c.session.id, a.session.id, d.session.id, b.session.id]);
  });

  it("CONSOLE-5 the order is remembered per member and applies when a request names none", async () => {
    const { ava, ben, a, b, c, d } = await seedSortable();
    expect(await getConsolePreferences(db, { member: ava })).toEqual({ sortOrder: "waiting_time" });
    await setSortOrder(db, { member: ava, sortOrder: "latest" });
    expect(await getConsolePreferences(db, { member: ava })).toEqual({ sortOrder: "latest" });
    expect(await getConsolePreferences(db, { member: ben })).toEqual({ sortOrder: "waiting_time" });
    const remembered = await listChats(db, { member: ava, list: "assigned", now: NOW });
    expect(remembered.sort).toBe("latest");
    expect(ids(remembered.items)).toEqual([c.session.id, a.session.id, d.session.id, b.session.id]);
  });
});
