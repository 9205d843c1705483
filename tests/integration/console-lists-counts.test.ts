// CONSOLE-2 on real PostgreSQL: the live status counts, per list, for the member's visible scope;
// the same statuses as list filters; time passing a threshold with an injected clock; and the
// instant the console must refetch (nextChangeAt); and the clock without the chatbot's time
// (AUTO-5) agreeing with src/core/sla on generated chats.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { computeSlaStatus, DEFAULT_DUE_SOON_THRESHOLD_MINUTES, nextSlaChangeAt, slaClockStart } from "../../src/core/sla/sla";
import { countStatuses, listChats, CLOSED_COUNT_CAP } from "../../src/server/services/console-lists";
import type { ListStatusCounts, StatusFilter } from "../../src/core/console";
import { useTestDatabase } from "../support/test-database";
import { HOUR, MINUTE, NOW, ago, createChat, createTeamShop, markRead } from "./console-lists-support";

const { db, reset } = await useTestDatabase();
beforeEach(reset);

const zero: ListStatusCounts = { total: 0, overdue: 0, dueSoon: 0, unreplied: 0, unread: 0, starred: 0 };

/** Ava: overdue (read), due soon (unread), on time, answered+starred; Ben: one overdue; two queued; closed ones. */
async function seedShop() {
  const team = await createTeamShop(db);
  const { shop, ava, ben } = team;
  const overdue = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(25 * HOUR), category: "logistics" });
  await markRead(db, ava.memberId, overdue.conversation.id, 1);
  const dueSoon = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(21 * HOUR), category: "after_sales" });
  const onTime = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(2 * HOUR), category: "logistics" });
  await markRead(db, ava.memberId, onTime.conversation.id, 1);
  const answered = await createChat(db, {
    shopId: shop.id, state: "open", assigneeId: ava.memberId, starred: true, oldestUnansweredAt: null,
    messages: [{ author: "buyer", body: "hi" }, { author: "agent", body: "hello" }],
  });
  await markRead(db, ava.memberId, answered.conversation.id, 2);
  const bensOverdue = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ben.memberId, oldestUnansweredAt: ago(30 * HOUR), starred: true });
  const queuedDueSoon = await createChat(db, { shopId: shop.id, state: "queued", oldestUnansweredAt: ago(23 * HOUR), category: "pre_purchase" });
  const queuedFresh = await createChat(db, { shopId: shop.id, state: "queued", oldestUnansweredAt: ago(10 * MINUTE), starred: true });
  const avaClosed = await createChat(db, { shopId: shop.id, state: "ended", assigneeId: ava.memberId, category: "logistics" });
  const benClosed = await createChat(db, { shopId: shop.id, state: "expired", assigneeId: ben.memberId, oldestUnansweredAt: ago(8 * 24 * HOUR) });
  return { ...team, overdue, dueSoon, onTime, answered, bensOverdue, queuedDueSoon, queuedFresh, avaClosed, benClosed };
}

describe("CONSOLE-2 live status counts", () => {
  it("CONSOLE-2 counts overdue, due soon, unreplied, unread, starred per list, and closed, for an agent's scope", async () => {
    const { ava } = await seedShop();
    const counts = await countStatuses(db, { member: ava, now: NOW });
    expect(counts.assigned).toEqual({ total: 4, overdue: 1, dueSoon: 1, unreplied: 3, unread: 1, starred: 1 });
    // Ava has never opened the queued chats: both are unread for her.
    expect(counts.unassigned).toEqual({ total: 2, overdue: 0, dueSoon: 1, unreplied: 2, unread: 2, starred: 1 });
    expect(counts.all).toBeNull();
    expect(counts).toMatchObject({ closed: 1, closedIsCapped: false, countedAt: NOW.toISOString() });
  });

  it("CONSOLE-2 a role with chat access management counts every chat of the shop", async () => {
    const { admin } = await seedShop();
    const counts = await countStatuses(db, { member: admin, now: NOW });
    expect(counts.assigned).toEqual(zero);
    expect(counts.all).toEqual({ total: 7, overdue: 2, dueSoon: 2, unreplied: 6, unread: 7, starred: 3 });
    expect(counts.closed).toBe(2);
  });

  it("CONSOLE-2 each count equals the number of chats its status filter lists", async () => {
    const { ava, admin } = await seedShop();
    const keys: Array<[StatusFilter, keyof ListStatusCounts]> = [["overdue", "overdue"], ["due_soon", "dueSoon"], ["unreplied", "unreplied"], ["unread", "unread"], ["starred", "starred"]];
    for (const [member, lists] of [[ava, ["assigned", "unassigned"]], [admin, ["assigned", "unassigned", "all"]]] as const) {
      const counts = await countStatuses(db, { member, now: NOW });
      for (const list of lists) {
        const listCounts = counts[list]!;
        expect((await listChats(db, { member, list, now: NOW, limit: 200 })).items, `${list} total`).toHaveLength(listCounts.total);
        for (const [status, key] of keys) {
          const items = (await listChats(db, { member, list, status, now: NOW, limit: 200 })).items;
          expect(items, `${list} ${status}`).toHaveLength(listCounts[key]);
        }
        expect((await listChats(db, { member, list, status: "closed", now: NOW })).items).toEqual([]);
      }
      expect((await listChats(db, { member, list: "history", now: NOW })).items).toHaveLength(counts.closed);
      expect((await listChats(db, { member, list: "history", status: "closed", now: NOW })).items).toHaveLength(counts.closed);
    }
  });

  it("CONSOLE-2 the status filters list exactly the chats with that status", async () => {
    const { ava, overdue, dueSoon, onTime, answered, queuedDueSoon, queuedFresh } = await seedShop();
    const sessions = async (list: "assigned" | "unassigned", status: StatusFilter) =>
      (await listChats(db, { member: ava, list, status, now: NOW })).items.map((item) => item.sessionId).sort();
    expect(await sessions("assigned", "overdue")).toEqual([overdue.session.id]);
    expect(await sessions("assigned", "due_soon")).toEqual([dueSoon.session.id]);
    expect(await sessions("assigned", "unreplied")).toEqual([overdue.session.id, dueSoon.session.id, onTime.session.id].sort());
    expect(await sessions("assigned", "unread")).toEqual([dueSoon.session.id]);
    expect(await sessions("assigned", "starred")).toEqual([answered.session.id]);
    expect(await sessions("unassigned", "due_soon")).toEqual([queuedDueSoon.session.id]);
    expect(await sessions("unassigned", "starred")).toEqual([queuedFresh.session.id]);
  });

  it("CONSOLE-2 CONSOLE-3 the category filter narrows the counts too", async () => {
    const { ava, admin } = await seedShop();
    const logistics = await countStatuses(db, { member: ava, category: "logistics", now: NOW });
    expect(logistics.assigned).toEqual({ total: 2, overdue: 1, dueSoon: 0, unreplied: 2, unread: 0, starred: 0 });
    expect(logistics.unassigned).toEqual(zero);
    expect(logistics.closed).toBe(1);
    const prePurchase = await countStatuses(db, { member: admin, category: "pre_purchase", now: NOW });
    expect(prePurchase.all).toEqual({ total: 1, overdue: 0, dueSoon: 1, unreplied: 1, unread: 1, starred: 0 });
    expect(prePurchase.closed).toBe(0);
  });

  it("CONSOLE-2 time passing a threshold moves a chat from on time to due soon to overdue, exactly at nextChangeAt", async () => {
    const { shop, ava } = await createTeamShop(db);
    const since = ago(3 * HOUR);
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: since });
    const at = (ms: number) => new Date(since.getTime() + ms);

    let counts = await countStatuses(db, { member: ava, now: NOW });
    expect(counts.assigned).toMatchObject({ overdue: 0, dueSoon: 0, unreplied: 1 });
    // Default threshold 4 h: due soon once more than 20 h have passed.
    expect(counts.nextChangeAt).toBe(at(20 * HOUR + 1).toISOString());

    counts = await countStatuses(db, { member: ava, now: at(20 * HOUR) });
    expect(counts.assigned).toMatchObject({ overdue: 0, dueSoon: 0 });
    counts = await countStatuses(db, { member: ava, now: at(20 * HOUR + 1) });
    expect(counts.assigned).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(counts.nextChangeAt).toBe(at(24 * HOUR + 1).toISOString());
    expect((await listChats(db, { member: ava, list: "assigned", now: at(20 * HOUR + 1) })).items[0]!.slaStatus).toBe("due_soon");

    counts = await countStatuses(db, { member: ava, now: at(24 * HOUR) });
    expect(counts.assigned).toMatchObject({ overdue: 0, dueSoon: 1 });
    counts = await countStatuses(db, { member: ava, now: at(24 * HOUR + 1) });
    expect(counts.assigned).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(counts.nextChangeAt).toBeNull();
    expect((await listChats(db, { member: ava, list: "assigned", status: "overdue", now: at(24 * HOUR + 1) })).items).toHaveLength(1);
  });

  it("CONSOLE-2 SET-6 the shop's due-soon threshold decides when a chat is due soon", async () => {
    const { shop, ava } = await createTeamShop(db);
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { dueSoonThresholdMinutes: 60 } });
    await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(22 * HOUR) });
    const counts = await countStatuses(db, { member: ava, now: NOW });
    expect(counts.assigned).toMatchObject({ dueSoon: 0, unreplied: 1 });
    // With a one-hour threshold it becomes due soon 23 h after the message.
    expect(counts.nextChangeAt).toBe(new Date(ago(22 * HOUR).getTime() + 23 * HOUR + 1).toISOString());
    expect((await countStatuses(db, { member: ava, now: new Date(NOW.getTime() + HOUR + 1) })).assigned.dueSoon).toBe(1);
  });

  it("CONSOLE-2 nextChangeAt is the earliest change among every visible waiting chat", async () => {
    const { ava, dueSoon, queuedDueSoon, onTime } = await seedShop();
    const counts = await countStatuses(db, { member: ava, now: NOW });
    const candidates = [
      dueSoon.session.oldestUnansweredAt!.getTime() + 24 * HOUR + 1,
      queuedDueSoon.session.oldestUnansweredAt!.getTime() + 24 * HOUR + 1,
      onTime.session.oldestUnansweredAt!.getTime() + 20 * HOUR + 1,
    ];
    expect(counts.nextChangeAt).toBe(new Date(Math.min(...candidates)).toISOString());
  });

  it("CONSOLE-2 reading, replying, starring and closing change the counts", async () => {
    const { shop, ava } = await createTeamShop(db);
    const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.memberId, oldestUnansweredAt: ago(HOUR) });
    expect((await countStatuses(db, { member: ava, now: NOW })).assigned).toMatchObject({ unread: 1, unreplied: 1, starred: 0 });
    await markRead(db, ava.memberId, chat.conversation.id, 1);
    await db.chatSession.update({ where: { id: chat.session.id }, data: { oldestUnansweredAt: null, starred: true } });
    expect((await countStatuses(db, { member: ava, now: NOW })).assigned).toMatchObject({ total: 1, unread: 0, unreplied: 0, starred: 1 });
    await db.chatSession.update({ where: { id: chat.session.id }, data: { state: "ended", closedAt: NOW } });
    const counts = await countStatuses(db, { member: ava, now: NOW });
    expect(counts.assigned).toEqual(zero);
    expect(counts.closed).toBe(1);
  });

  it(`CONSOLE-2 closed chats are counted up to ${CLOSED_COUNT_CAP}, then shown as ${CLOSED_COUNT_CAP}+`, async () => {
    const { shop, admin } = await createTeamShop(db);
    const conversations = await Promise.all(Array.from({ length: 4 }, async (_, index) => {
      const buyer = await db.buyer.create({ data: { shopId: shop.id, nickname: `b${index}`, visitorId: `v${index}` } });
      return db.conversation.create({ data: { shopId: shop.id, buyerId: buyer.id } });
    }));
    await db.chatSession.createMany({
      data: Array.from({ length: CLOSED_COUNT_CAP + 1 }, (_, index) => ({
        shopId: shop.id, conversationId: conversations[index % 4]!.id, state: "ended" as const, closedAt: ago(index * MINUTE),
      })),
    });
    expect(await countStatuses(db, { member: admin, now: NOW })).toMatchObject({ closed: CLOSED_COUNT_CAP, closedIsCapped: true });
    await db.chatSession.deleteMany({ where: { shopId: shop.id, closedAt: ago(0) } });
    expect(await countStatuses(db, { member: admin, now: NOW })).toMatchObject({ closed: CLOSED_COUNT_CAP, closedIsCapped: false });
  });
});

describe("CONSOLE-2 AUTO-5 the reply clock without bot time, in SQL", () => {
  it("CONSOLE-2 AUTO-5 lists, filters, sort and counts read the clock as slaClockStart does, on generated chats with and without the bot", async () => {
    const { shop, admin } = await createTeamShop(db);
    const ageArb = fc.option(fc.integer({ min: 0, max: 40 * HOUR }), { nil: null });
    const chatArb = fc.record({ unansweredAgeMs: ageArb, botActive: fc.boolean(), handedOverAgeMs: ageArb });
    const generated = fc.sample(fc.array(chatArb, { minLength: 24, maxLength: 24 }), { numRuns: 1, seed: 20261203 })[0]!;
    // The edges by hand: bot time that alone would be overdue, a hand-over at the very instant of the question.
    const specs = [
      ...generated,
      { unansweredAgeMs: 30 * HOUR, botActive: true, handedOverAgeMs: null },
      { unansweredAgeMs: 30 * HOUR, botActive: false, handedOverAgeMs: 21 * HOUR },
      { unansweredAgeMs: 5 * HOUR, botActive: false, handedOverAgeMs: 5 * HOUR },
      { unansweredAgeMs: null, botActive: false, handedOverAgeMs: HOUR },
    ];
    const expected = new Map<string, { clock: Date | null; botActive: boolean }>();
    for (const spec of specs) {
      const oldestUnansweredAt = spec.unansweredAgeMs === null ? null : ago(spec.unansweredAgeMs);
      const handedOverAt = spec.handedOverAgeMs === null ? null : ago(spec.handedOverAgeMs);
      const { session } = await createChat(db, { shopId: shop.id, state: "queued", oldestUnansweredAt, lastBuyerMessageAt: oldestUnansweredAt ?? ago(41 * HOUR) });
      await db.chatSession.update({ where: { id: session.id }, data: { botActive: spec.botActive, handedOverAt } });
      expected.set(session.id, { clock: slaClockStart({ oldestUnansweredAt, botActive: spec.botActive, handedOverAt }), botActive: spec.botActive });
    }
    const statusOf = (clock: Date | null) => computeSlaStatus({ oldestUnansweredAt: clock, now: NOW, dueSoonThresholdMinutes: DEFAULT_DUE_SOON_THRESHOLD_MINUTES });

    const page = await listChats(db, { member: admin, list: "all", sort: "waiting_time", limit: 200, now: NOW });
    expect(page.items).toHaveLength(specs.length);
    for (const item of page.items) {
      const want = expected.get(item.sessionId)!;
      expect(item, item.sessionId).toMatchObject({
        waitingSince: want.clock?.toISOString() ?? null, isNotReplied: want.clock !== null, withBot: want.botActive, slaStatus: statusOf(want.clock),
      });
    }
    // Waiting time: every chat with a clock first, the longest wait first; bot-held chats after them.
    const clocks = page.items.map((item) => item.waitingSince);
    const firstWithout = clocks.indexOf(null);
    const waiting = firstWithout === -1 ? clocks : clocks.slice(0, firstWithout);
    expect(waiting).toEqual([...waiting].sort());
    if (firstWithout !== -1) expect(clocks.slice(firstWithout).every((clock) => clock === null)).toBe(true);

    const tally = { overdue: 0, due_soon: 0, unreplied: 0 };
    for (const { clock } of expected.values()) {
      const status = statusOf(clock);
      if (status === "overdue" || status === "due_soon") tally[status] += 1;
      if (clock !== null) tally.unreplied += 1;
    }
    const counts = await countStatuses(db, { member: admin, now: NOW });
    expect(counts.all).toMatchObject({ total: specs.length, overdue: tally.overdue, dueSoon: tally.due_soon, unreplied: tally.unreplied });
    const changes = [...expected.values()]
      .map(({ clock }) => nextSlaChangeAt({ oldestUnansweredAt: clock, now: NOW, dueSoonThresholdMinutes: DEFAULT_DUE_SOON_THRESHOLD_MINUTES }))
      .filter((at): at is Date => at !== null)
      .map((at) => at.getTime());
    expect(counts.nextChangeAt).toBe(changes.length === 0 ? null : new Date(Math.min(...changes)).toISOString());
    for (const status of ["overdue", "due_soon", "unreplied"] as const) {
      const listed = (await listChats(db, { member: admin, list: "all", status, limit: 200, now: NOW })).items.map((item) => item.sessionId).sort();
      const want = [...expected.entries()].filter(([, { clock }]) => (status === "unreplied" ? clock !== null : statusOf(clock) === status)).map(([id]) => id).sort();
      expect(listed, status).toEqual(want);
    }
  });
});
