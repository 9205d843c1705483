// issue 9 and issue 15 against the real PostgreSQL: the SQL state guards do what the transition
// table says, the SQL visibility rule agrees with the core rule on generated shops (access
// checks, search), blocking a buyer follows the rules of ending a chat, the hand-kept open counts
// are reconciled (drift is reported, not hidden), and deactivation requeues in its own transaction.
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../src/generated/prisma/client";
import { SESSION_EVENTS, SESSION_STATES, canTransition } from "../../src/core/session/state-machine";
import { canSeeConversation, type SessionVisibilityFacts } from "../../src/core/visibility";
import { blockBuyer } from "../../src/server/services/buyers/block-buyer";
import { findShopsWithCountDrift, reconcileOpenSessionCounts } from "../../src/server/services/assignment/reconcile-open-counts";
import { sweepSessions } from "../../src/server/services/sessions/sweep-sessions";
import { toViewer, visibleConversationSql } from "../../src/server/services/console-lists/scope";
import { searchChats } from "../../src/server/services/console-lists/search-chats";
import { loadVisibleConversation } from "../../src/server/services/messaging/conversation-access";
import { endSession } from "../../src/server/services/sessions/close-session";
import { stateGuardSql, stateWhere } from "../../src/server/services/sessions/state-guards";
import { deactivateMember } from "../../src/server/services/team/deactivate-member";
import { transferSessions } from "../../src/server/services/assignment/assign-manually";
import { sendAgentMessage } from "../../src/server/services/messaging/send-agent-message";
import { createBuyer } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { NOW, createChat, createTeamShop } from "./console-lists-support";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

describe("issue 9: state guards derived from the transition table", () => {
  it("issue-9 each SQL and Prisma guard matches exactly the sessions its event may leave", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chats = new Map<string, string>();
    for (const state of SESSION_STATES) chats.set((await createChat(db, { shopId: shop.id, state, assigneeId: state === "queued" ? null : ava.memberId })).session.id, state);
    for (const event of SESSION_EVENTS) {
      const expected = [...chats].filter(([, state]) => canTransition(state as (typeof SESSION_STATES)[number], event)).map(([id]) => id).sort();
      const bySql = await db.$queryRaw<Array<{ id: string }>>`SELECT s.id FROM "ChatSession" s WHERE s."shopId" = ${shop.id}::uuid AND ${stateGuardSql(event, Prisma.sql`s.state`)} ORDER BY s.id`;
      const byPrisma = await db.chatSession.findMany({ where: { shopId: shop.id, state: stateWhere(event) }, orderBy: { id: "asc" }, select: { id: true } });
      expect(bySql.map((row) => row.id), event).toEqual(expected);
      expect(byPrisma.map((row) => row.id), event).toEqual(expected);
    }
  });
});

describe("issue 9: one visibility rule, the SQL tested against the core", () => {
  it("CONSOLE-1 TEAM-5 on generated shops, access checks and search see exactly what canSeeConversation allows", async () => {
    const { shop, owner, ava, ben } = await createTeamShop(db);
    const admin = owner;
    const members = [ava.memberId, ben.memberId, admin.memberId];
    const arbitrarySession = fc.record({
      state: fc.constantFrom(...SESSION_STATES),
      assignee: fc.option(fc.constantFrom(...members), { nil: null }),
      // Assignments from (handed on by) and to members, in any combination.
      assignments: fc.array(fc.record({ from: fc.option(fc.constantFrom(...members), { nil: null }), to: fc.option(fc.constantFrom(...members), { nil: null }) }), { maxLength: 2 }),
    });
    const arbitraryShop = fc.array(fc.array(arbitrarySession, { minLength: 0, maxLength: 2 }), { minLength: 1, maxLength: 5 });
    let round = 0;
    await fc.assert(fc.asyncProperty(arbitraryShop, async (conversations) => {
      round += 1;
      await db.$executeRaw`DELETE FROM "Conversation" WHERE "shopId" = ${shop.id}::uuid`;
      await db.$executeRaw`DELETE FROM "Buyer" WHERE "shopId" = ${shop.id}::uuid`;
      const facts = new Map<string, SessionVisibilityFacts[]>();
      for (const [index, sessions] of conversations.entries()) {
        const buyer = await createBuyer(db, { shopId: shop.id, nickname: `visible_${round}_${index}` });
        const conversation = await db.conversation.create({ data: { shopId: shop.id, buyerId: buyer.id, lastSeq: 1 } });
        await db.message.create({ data: { shopId: shop.id, conversationId: conversation.id, seq: 1, authorType: "buyer", kind: "text", body: "needle in a chat" } });
        const sessionFacts: SessionVisibilityFacts[] = [];
        for (const spec of sessions) {
          const session = await db.chatSession.create({ data: { shopId: shop.id, conversationId: conversation.id, state: spec.state, assigneeId: spec.assignee, queuedAt: new Date() } });
          for (const assignment of spec.assignments) {
            await db.assignment.create({ data: { shopId: shop.id, sessionId: session.id, kind: "transfer", fromMemberId: assignment.from, toMemberId: assignment.to } });
          }
          sessionFacts.push({ state: spec.state, assigneeId: spec.assignee, handedOnBy: spec.assignments.map((assignment) => assignment.from) });
        }
        facts.set(conversation.id, sessionFacts);
      }
      for (const member of [ava, ben, admin]) {
        const viewer = toViewer(member);
        const expected = [...facts].filter(([, sessions]) => canSeeConversation(viewer, sessions)).map(([id]) => id).sort();
        const bySql = await db.$queryRaw<Array<{ id: string }>>`
          SELECT c.id FROM "Conversation" c WHERE c."shopId" = ${shop.id}::uuid AND ${visibleConversationSql(viewer, Prisma.sql`c.id`)} ORDER BY c.id`;
        expect(bySql.map((row) => row.id)).toEqual(expected);
        const byAccess: string[] = [];
        for (const id of facts.keys()) if (await loadVisibleConversation(db, member, id).then(() => true, () => false)) byAccess.push(id);
        expect(byAccess.sort()).toEqual(expected);
        const byNickname = await searchChats(db, { member, q: `visible_${round}_` });
        expect(byNickname.results.map((result) => result.conversationId).sort()).toEqual(expected);
        const byKeyword = await searchChats(db, { member, q: "needle" });
        expect(byKeyword.results.map((result) => result.conversationId).sort()).toEqual(expected);
      }
    }), { numRuns: 12 });
  }, 180_000);
});

describe("issue 15: blocking a buyer follows the rules of ending their chat", () => {
  it("issue-15 SET-4 CHAT-7 an agent blocking the buyer of another agent's open chat is FORBIDDEN; the chat stays open, the buyer unblocked", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await expect(blockBuyer(db, { member: ben, buyerId: chat.buyer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ state: "open", assigneeId: ava.memberId });
    expect(await db.blockedBuyer.count({ where: { buyerId: chat.buyer.id } })).toBe(0);
  });

  it("issue-15 SET-4 the holder and chat access management may block (the chat closes); anyone may block the buyer of a queued chat", async () => {
    const { shop, admin, ava, ben } = await createTeamShop(db);
    const held = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    expect((await blockBuyer(db, { member: ava, buyerId: held.buyer.id })).data.closedSession).toBe(true);
    const other = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    expect((await blockBuyer(db, { member: admin, buyerId: other.buyer.id })).data.closedSession).toBe(true);
    const queued = await createChat(db, { shopId: shop.id, state: "queued" });
    expect((await blockBuyer(db, { member: ben, buyerId: queued.buyer.id })).data.closedSession).toBe(true);
    for (const chat of [held, other, queued]) {
      expect((await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).state).toBe("ended");
      expect(await db.blockedBuyer.count({ where: { buyerId: chat.buyer.id } })).toBe(1);
    }
  });
});

describe("issue 10: chat managers step into other members' chats (TEAM-5, CHAT-6)", () => {
  it("CHAT-6 TEAM-5 an admin with chat access management replies in Ava's chat, which stays hers; another agent may not", async () => {
    const { shop, admin, ava, ben } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    const reply = await sendAgentMessage(db, { member: admin, conversationId: chat.conversation.id, clientId: "admin-steps-in-1", content: { kind: "text", body: "An admin here." } });
    expect(reply.data.message).toMatchObject({ authorType: "agent", body: "An admin here." });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ state: "open", assigneeId: ava.memberId });
    await expect(sendAgentMessage(db, { member: ben, conversationId: chat.conversation.id, clientId: "ben-steps-in-1", content: { kind: "text", body: "me too" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("CHAT-6 TEAM-5 Transfer to me moves the chat to the manager with a note naming the take-over; without chat access it is FORBIDDEN", async () => {
    const { shop, owner, ava, ben } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await expect(transferSessions(db, { member: ben, scope: { sessionId: chat.session.id }, targetMemberId: ben.memberId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const countOf = async (memberId: string) => (await db.member.findUniqueOrThrow({ where: { id: memberId } })).openSessionCount;
    const before = { ava: await countOf(ava.memberId), owner: await countOf(owner.memberId) };
    const result = await transferSessions(db, { member: owner, scope: { sessionId: chat.session.id }, targetMemberId: owner.memberId });
    expect(result.data.moved).toBe(1);
    expect(result.drain).toEqual([shop.id]);
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ assigneeId: owner.memberId });
    const note = await db.message.findFirstOrThrow({ where: { conversationId: chat.conversation.id, authorType: "system" }, orderBy: { seq: "desc" } });
    expect(note.body).toBe(`${owner.nickname} took over the chat from ${ava.nickname}`);
    // The open counts moved with it.
    expect({ ava: await countOf(ava.memberId), owner: await countOf(owner.memberId) }).toEqual({ ava: before.ava - 1, owner: before.owner + 1 });
  });
});

describe("issue 9: openSessionCount reconciliation (ASSIGN-7)", () => {
  it("issue-9 ASSIGN-7 drift injected into the counter is reported as a metric and a log line, and repaired on request", async () => {
    const { shop, ava, ben } = await createTeamShop(db);
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ben.memberId });
    await db.member.update({ where: { id: ava.memberId }, data: { openSessionCount: 2 } });
    const lines: string[] = [];
    const clean = await reconcileOpenSessionCounts(db, { shopId: shop.id, log: (line) => lines.push(line) });
    expect(clean).toMatchObject({ drift: 0, drifted: [], repaired: false });
    expect(lines).toEqual([]);

    // Drift: Ava's counter says 5 for 2 open chats, Ben's -1 for none (a clamp at 0 would hide it).
    await db.member.update({ where: { id: ava.memberId }, data: { openSessionCount: 5 } });
    await db.member.update({ where: { id: ben.memberId }, data: { openSessionCount: -1 } });
    const found = await reconcileOpenSessionCounts(db, { shopId: shop.id, log: (line) => lines.push(line) });
    expect(found.drift).toBe(4);
    expect(found.drifted).toEqual(expect.arrayContaining([
      { memberId: ava.memberId, stored: 5, actual: 2 },
      { memberId: ben.memberId, stored: -1, actual: 0 },
    ]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/openSessionCount drift .*: 4 across 2 member/);

    // The sweep job finds it too, every minute, and reports the metric without repairing.
    expect(await findShopsWithCountDrift(db)).toEqual([shop.id]);
    const logged = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect((await sweepSessions(db, { now: NOW })).data.countDrift).toBe(4);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/openSessionCount drift/));
    logged.mockRestore();

    const repaired = await reconcileOpenSessionCounts(db, { shopId: shop.id, repair: true, log: (line) => lines.push(line) });
    expect(repaired).toMatchObject({ drift: 4, repaired: true });
    expect((await reconcileOpenSessionCounts(db, { shopId: shop.id, log: () => {} })).drift).toBe(0);
    expect((await db.member.findUniqueOrThrow({ where: { id: ava.memberId } })).openSessionCount).toBe(2);
  });

  it("issue-9 ending and transferring keep the counter exact: nothing for the reconciliation to find", async () => {
    const { shop, owner, ava, ben } = await createTeamShop(db);
    const first = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    const second = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await db.member.update({ where: { id: ava.memberId }, data: { openSessionCount: 2 } });
    await transferSessions(db, { member: ava, scope: { sessionId: first.session.id }, targetMemberId: ben.memberId });
    await endSession(db, { member: owner, sessionId: second.session.id });
    expect((await reconcileOpenSessionCounts(db, { shopId: shop.id, log: () => {} })).drift).toBe(0);
  });
});

describe("issue 9: deactivation and requeue in one transaction (TEAM-3)", () => {
  it("issue-9 TEAM-3 when the requeue fails, the deactivation does not happen either: no chats left on a deactivated member", async () => {
    const { shop, owner, ava } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await db.member.update({ where: { id: ava.memberId }, data: { openSessionCount: 1 } });
    // A real failure inside PostgreSQL, part-way through the requeue: its assignment record.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_requeue() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'requeue refused'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_requeue BEFORE INSERT ON "Assignment" FOR EACH ROW WHEN (NEW.kind = 'requeue') EXECUTE FUNCTION refuse_requeue()`);
    try {
      await expect(deactivateMember(db, { actor: owner, memberId: ava.memberId })).rejects.toThrow(/requeue refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_requeue ON "Assignment"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_requeue()`);
    }
    expect((await db.member.findUniqueOrThrow({ where: { id: ava.memberId } })).status).toBe("active");
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ state: "open", assigneeId: ava.memberId });

    // Without the failure, both happen together.
    const result = await deactivateMember(db, { actor: owner, memberId: ava.memberId });
    expect(result.data.status).toBe("deactivated");
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ state: "queued", assigneeId: null });
    expect((await db.member.findUniqueOrThrow({ where: { id: ava.memberId } })).openSessionCount).toBe(0);
    expect(result.events.some((event) => event.target === "connections")).toBe(true);
  });

  it("issue-9 CHAT-6 a transfer to a member deactivated meanwhile is refused under the lock", async () => {
    const { shop, owner, ava, ben } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId });
    await db.member.update({ where: { id: ava.memberId }, data: { openSessionCount: 1 } });
    await deactivateMember(db, { actor: owner, memberId: ben.memberId });
    await expect(transferSessions(db, { member: ava, scope: { sessionId: chat.session.id }, targetMemberId: ben.memberId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: chat.session.id } })).toMatchObject({ state: "open", assigneeId: ava.memberId });
  });
});
