// Issue 4 on a real PostgreSQL: routing, the Unassigned queue, manual moves, transfers,
// requeue, end and the 7-day expiry job (CHAT-6, CHAT-8, ASSIGN-1..8).
import { beforeEach, describe, expect, it } from "vitest";
import { runOnce } from "graphile-worker";
import { ingestBuyerMessage } from "../../src/server/services/messaging/ingest-buyer-message";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { drainQueue } from "../../src/server/services/assignment/drain-queue";
import { assignQueuedSession, transferSessions, TRANSFER_ALL_LIMIT } from "../../src/server/services/assignment/assign-manually";
import { requeueMemberSessions } from "../../src/server/services/assignment/requeue-member-sessions";
import { endSession, expireSessionIfDue } from "../../src/server/services/sessions/close-session";
import { buildTaskList } from "../../src/server/jobs/runner";
import { resolveMemberContext } from "../../src/server/services/resolve-member";
import { createBuyer, createMember, createShop, createTestRouting } from "../factories";
import { useTestDatabase } from "../support/test-database";

const { db, reset, url } = await useTestDatabase();
beforeEach(reset);

let counter = 0;
const clientId = () => `c-${Date.now()}-${counter++}`;
const DAY = 24 * 3600_000;

async function buyerWrites(shopId: string, body = "Hello", now?: Date) {
  const buyer = await createBuyer(db, { shopId });
  const result = await ingestBuyerMessage(db, { shopId, buyerId: buyer.id, clientId: clientId(), content: { kind: "text", body }, now });
  return { buyer, sessionId: result.data.openedSessionId!, conversationId: result.data.message.conversationId };
}

async function contextOf(member: { userId: string; shopId: string }) {
  return (await resolveMemberContext(db, { userId: member.userId, shopId: member.shopId }))!;
}

async function openCounts(shopId: string) {
  const members = await db.member.findMany({ where: { shopId }, include: { _count: { select: { assignedSessions: { where: { state: "open" } } } } } });
  return Object.fromEntries(members.map((m) => [m.nickname, { counter: m.openSessionCount, actual: m._count.assignedSessions, capacity: m.maxCapacity }]));
}

describe("auto-assignment (ASSIGN-1..4, ASSIGN-8)", () => {
  it("ASSIGN-1 a one-member shop assigns every session to that member, offline and over capacity", async () => {
    const shop = await createShop(db);
    const solo = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo", maxCapacity: 1, acceptAutoAssign: false });
    for (let i = 0; i < 3; i++) await buyerWrites(shop.id);
    const { routing } = createTestRouting({ online: [] });
    expect((await drainQueue(db, { shopId: shop.id, routing })).assigned).toBe(3);
    expect(await db.chatSession.count({ where: { assigneeId: solo.id, state: "open" } })).toBe(3);
    const record = await db.assignment.findFirstOrThrow();
    expect(record.kind).toBe("single_member");
  });

  it("ASSIGN-2 only active, accepting, online members below capacity are eligible", async () => {
    const shop = await createShop(db);
    const online = await createMember(db, { shopId: shop.id, nickname: "Online", maxCapacity: 2 });
    const offline = await createMember(db, { shopId: shop.id, nickname: "Offline" });
    const notAccepting = await createMember(db, { shopId: shop.id, nickname: "Busy", acceptAutoAssign: false });
    const deactivated = await createMember(db, { shopId: shop.id, nickname: "Gone", status: "deactivated" });
    for (let i = 0; i < 4; i++) await buyerWrites(shop.id);
    const { routing } = createTestRouting({ online: [online.id, notAccepting.id, deactivated.id] });
    expect((await drainQueue(db, { shopId: shop.id, routing })).assigned).toBe(2);
    const holders = await db.chatSession.groupBy({ by: ["assigneeId"], where: { state: "open" }, _count: { _all: true } });
    expect(holders).toEqual([{ assigneeId: online.id, _count: { _all: 2 } }]);
    expect(await db.chatSession.count({ where: { state: "queued" } })).toBe(2);
    void offline;
  });

  it("ASSIGN-4 the queue drains oldest first when capacity appears, and ASSIGN-8 records why", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava", maxCapacity: 1 });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben", maxCapacity: 1 });
    const start = new Date("2026-11-20T10:00:00Z");
    const first = await buyerWrites(shop.id, "first", start);
    const second = await buyerWrites(shop.id, "second", new Date(start.getTime() + 1000));
    const third = await buyerWrites(shop.id, "third", new Date(start.getTime() + 2000));
    const test = createTestRouting({ online: [], now: new Date(start.getTime() + 5000) });
    expect((await drainQueue(db, { shopId: shop.id, routing: test.routing })).assigned).toBe(0);
    test.online.add(ava.id);
    await drainQueue(db, { shopId: shop.id, routing: test.routing });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: first.sessionId } })).assigneeId).toBe(ava.id);
    test.online.add(ben.id);
    await drainQueue(db, { shopId: shop.id, routing: test.routing });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: second.sessionId } })).assigneeId).toBe(ben.id);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: third.sessionId } })).state).toBe("queued");
    // Ava ends her chat: capacity appears and the third chat goes to her.
    const result = await endSession(db, { member: await contextOf(ava), sessionId: first.sessionId });
    expect(result.data.closed).toBe(true);
    await drainQueue(db, { shopId: shop.id, routing: test.routing });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: third.sessionId } })).assigneeId).toBe(ava.id);
    const record = await db.assignment.findFirstOrThrow({ where: { sessionId: second.sessionId } });
    expect(record).toMatchObject({ kind: "auto", mode: "lowest_workload", toMemberId: ben.id });
    expect(record.detail).toMatchObject({ mode: "lowest_workload", compared: [expect.objectContaining({ memberId: ben.id })] });
    const note = await db.message.findFirstOrThrow({ where: { sessionId: second.sessionId, authorType: "system" } });
    expect(note.body).toBe("Ben joined the chat");
    // NF-5: the facts behind the sentence, for the console and the widget to say in their language.
    expect(note.payload).toMatchObject({ event: "assigned", note: { kind: "joined", to: "Ben" } });
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 1, actual: 1 }, Ben: { counter: 1, actual: 1 } });
  });

  it("ASSIGN-3 lowest workload compares open/capacity; assign equally compares assigned today/capacity", async () => {
    const shop = await createShop(db);
    const big = await createMember(db, { shopId: shop.id, nickname: "Big", maxCapacity: 4 });
    const small = await createMember(db, { shopId: shop.id, nickname: "Small", maxCapacity: 2 });
    for (let i = 0; i < 6; i++) await buyerWrites(shop.id);
    const { routing } = createTestRouting({ online: [big.id, small.id] });
    await drainQueue(db, { shopId: shop.id, routing });
    expect(await openCounts(shop.id)).toMatchObject({ Big: { actual: 4 }, Small: { actual: 2 } });
    await db.shop.update({ where: { id: shop.id }, data: { assignmentMode: "assign_equally" } });
    await db.member.updateMany({ where: { shopId: shop.id }, data: { maxCapacity: 999 } });
    for (let i = 0; i < 3; i++) await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing });
    // Assigned today: Big 4/999 and Small 2/999 → Small gets the next two (level at 4/4), and
    // the third goes by the documented tie-break.
    const counts = await openCounts(shop.id);
    expect(counts.Small!.actual).toBeGreaterThanOrEqual(4);
    expect(counts.Big!.actual + counts.Small!.actual).toBe(9);
  });
});

describe("manual work (ASSIGN-5, ASSIGN-6, CHAT-6)", () => {
  it("ASSIGN-5 assign to me and assign to another ignore the accept switch; a taken chat cannot be taken again", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava", acceptAutoAssign: false });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben", acceptAutoAssign: false });
    const chat = await buyerWrites(shop.id);
    const other = await buyerWrites(shop.id);
    await assignQueuedSession(db, { member: await contextOf(ava), sessionId: chat.sessionId, targetMemberId: ava.id });
    await expect(assignQueuedSession(db, { member: await contextOf(ben), sessionId: chat.sessionId, targetMemberId: ben.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await assignQueuedSession(db, { member: await contextOf(ava), sessionId: other.sessionId, targetMemberId: ben.id });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: other.sessionId } })).assigneeId).toBe(ben.id);
    const record = await db.assignment.findFirstOrThrow({ where: { sessionId: other.sessionId } });
    expect(record).toMatchObject({ kind: "manual", actorMemberId: ava.id, toMemberId: ben.id });
  });

  it("CHAT-6 transfer one chat by nickname, whatever the target's switch or presence; both sides see a note", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben", acceptAutoAssign: false });
    const chat = await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    const result = await transferSessions(db, { member: await contextOf(ava), scope: { sessionId: chat.sessionId }, targetNickname: "ben" });
    expect(result.data.moved).toBe(1);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } })).assigneeId).toBe(ben.id);
    const note = await db.message.findFirstOrThrow({ where: { sessionId: chat.sessionId, payload: { path: ["event"], equals: "transferred" } } });
    expect(note.body).toBe("Ava transferred the chat to Ben");
    expect(note.payload).toMatchObject({ event: "transferred", note: { kind: "transferred", from: "Ava", to: "Ben" } });
    expect(result.events.filter((e) => e.target !== "connections" && e.event === "message.created").map((e) => e.target).sort()).toEqual(["console", "widget"]);
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 0, actual: 0 }, Ben: { counter: 1, actual: 1 } });
  });

  it("CHAT-6 transfer all my ongoing chats moves at most the latest 100", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava", maxCapacity: 999 });
    await createMember(db, { shopId: shop.id, nickname: "Ben", acceptAutoAssign: false });
    for (let i = 0; i < TRANSFER_ALL_LIMIT + 5; i++) await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    const result = await transferSessions(db, { member: await contextOf(ava), scope: "all_mine", targetNickname: "Ben" });
    expect(result.data.moved).toBe(TRANSFER_ALL_LIMIT);
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 5, actual: 5 }, Ben: { counter: 100, actual: 100 } });
  }, 60_000);

  it("CHAT-6 transfer is refused for deactivated, deleted and unknown members", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    await createMember(db, { shopId: shop.id, nickname: "Gone", status: "deactivated" });
    const deleted = await createMember(db, { shopId: shop.id, nickname: "Deleted" });
    await db.member.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    const chat = await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    const member = await contextOf(ava);
    for (const targetNickname of ["Gone", "Deleted"]) {
      await expect(transferSessions(db, { member, scope: { sessionId: chat.sessionId }, targetNickname })).rejects.toMatchObject({ code: "CONFLICT" });
    }
    await expect(transferSessions(db, { member, scope: { sessionId: chat.sessionId }, targetNickname: "Nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } })).assigneeId).toBe(ava.id);
  });

  it("CHAT-6 an agent cannot transfer someone else's chat without chat access management", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben" });
    const chat = await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    await expect(transferSessions(db, { member: await contextOf(ben), scope: { sessionId: chat.sessionId }, targetNickname: "Ben" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("TEAM-3 requeue returns a deactivated member's sessions to the queue, and they are routed again", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben" });
    await buyerWrites(shop.id);
    await buyerWrites(shop.id);
    const test = createTestRouting({ online: [ava.id] });
    await drainQueue(db, { shopId: shop.id, routing: test.routing });
    await db.member.update({ where: { id: ava.id }, data: { status: "deactivated" } });
    const events = await requeueMemberSessions(db, { shopId: shop.id, memberId: ava.id, actorMemberId: null });
    expect(events.length).toBeGreaterThan(0);
    expect(await db.chatSession.count({ where: { state: "queued" } })).toBe(2);
    expect(await db.assignment.count({ where: { kind: "requeue" } })).toBe(2);
    test.online.add(ben.id);
    await drainQueue(db, { shopId: shop.id, routing: test.routing });
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 0, actual: 0 }, Ben: { counter: 2, actual: 2 } });
  });
});

describe("ending and expiry (CHAT-7, CHAT-8)", () => {
  it("CHAT-7 ending closes the session, frees the capacity and leaves a note asking for a rating", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const chat = await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    await endSession(db, { member: await contextOf(ava), sessionId: chat.sessionId });
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } });
    expect(session).toMatchObject({ state: "ended", endedById: ava.id });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).activeSessionId).toBeNull();
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 0, actual: 0 } });
    await expect(endSession(db, { member: await contextOf(ava), sessionId: chat.sessionId })).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    // The buyer writing again opens a new session.
    const again = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: chat.buyer.id, clientId: clientId(), content: { kind: "text", body: "one more thing" } });
    expect(again.data.openedSessionId).not.toBe(chat.sessionId);
  });

  it("CHAT-8 a session whose oldest unanswered buyer message is older than 7 days expires; a reply resets the clock", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const start = new Date("2026-11-01T00:00:00Z");
    const chat = await buyerWrites(shop.id, "hello", start);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id], now: start }).routing });
    expect(await expireSessionIfDue(db, { sessionId: chat.sessionId, now: new Date(start.getTime() + 7 * DAY) })).toBeNull();
    await sendAgentMessage(db, { member: await contextOf(ava), conversationId: chat.conversationId, clientId: clientId(), content: { kind: "text", body: "hi" }, now: new Date(start.getTime() + DAY) });
    expect(await expireSessionIfDue(db, { sessionId: chat.sessionId, now: new Date(start.getTime() + 30 * DAY) })).toBeNull();
    await ingestBuyerMessage(db, { shopId: shop.id, buyerId: chat.buyer.id, clientId: clientId(), content: { kind: "text", body: "still there?" }, now: new Date(start.getTime() + 2 * DAY) });
    const result = await expireSessionIfDue(db, { sessionId: chat.sessionId, now: new Date(start.getTime() + 9 * DAY + 1) });
    expect(result?.data.closed).toBe(true);
    const session = await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } });
    expect(session.state).toBe("expired");
    expect(await openCounts(shop.id)).toMatchObject({ Ava: { counter: 0, actual: 0 } });
    await expect(sendAgentMessage(db, { member: await contextOf(ava), conversationId: chat.conversationId, clientId: clientId(), content: { kind: "text", body: "sorry" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("CHAT-8 the expiry is a durable graphile-worker job, scheduled once per session and run once", async () => {
    const shop = await createShop(db);
    await createMember(db, { shopId: shop.id, nickname: "Ava" });
    await createMember(db, { shopId: shop.id, nickname: "Ben" });
    const start = new Date(Date.now() - 8 * DAY);
    const chat = await buyerWrites(shop.id, "hello", start);
    await ingestBuyerMessage(db, { shopId: shop.id, buyerId: chat.buyer.id, clientId: clientId(), content: { kind: "text", body: "again" }, now: new Date(start.getTime() + 1000) });
    const jobs = await db.$queryRaw<Array<{ key: string }>>`SELECT key FROM graphile_worker.jobs`;
    expect(jobs.filter((job) => job.key === `expire:${chat.sessionId}`)).toHaveLength(1);
    const test = createTestRouting({ online: [] });
    // Two workers racing over the same job: it runs once, and the session is expired once.
    await Promise.all([runOnce({ connectionString: url, taskList: buildTaskList(db, test.routing) }), runOnce({ connectionString: url, taskList: buildTaskList(db, test.routing) })]);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } })).state).toBe("expired");
    expect(await db.message.count({ where: { sessionId: chat.sessionId, payload: { path: ["event"], equals: "expired" } } })).toBe(1);
  });
});

describe("transfers by id and history after a transfer (CHAT-6, CONSOLE-1)", () => {
  it("CHAT-6 transfers to the member picked by id when nicknames repeat, and the sender still sees the chat's history", async () => {
    const shop = await createShop(db);
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    await createMember(db, { shopId: shop.id, nickname: "Sam" });
    const secondSam = await createMember(db, { shopId: shop.id, nickname: "sam", email: "second-sam@example.test" });
    const chat = await buyerWrites(shop.id);
    await drainQueue(db, { shopId: shop.id, routing: createTestRouting({ online: [ava.id] }).routing });
    const member = await contextOf(ava);
    await transferSessions(db, { member, scope: { sessionId: chat.sessionId }, targetMemberId: secondSam.id });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.sessionId } })).assigneeId).toBe(secondSam.id);
    const { loadVisibleConversation } = await import("../../src/server/services/messaging/conversation-access");
    await expect(loadVisibleConversation(db, member, chat.conversationId)).resolves.toMatchObject({ id: chat.conversationId });
  });
});
