// issue 9 item 5, on two app nodes sharing PostgreSQL and Redis: a holder's end and reply race
// an owner's transfer of the same chat, round after round, and a former holder never gets
// anything done once the transfer has committed (the holder is checked under the same locks as
// the change). Live message.created events of every conversation reach a console in sequence
// order while buyers, an agent and the queue drain write concurrently (CHAT-3).
import crypto from "node:crypto";
import type { Socket } from "socket.io-client";
import { beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, trackRealtime } from "../support/realtime-node";
import { createChat } from "./console-lists-support";
import { outOfOrderPublishes } from "../../src/server/realtime/publish";
import { reconcileOpenSessionCounts } from "../../src/server/services/assignment/reconcile-open-counts";
import type { MessageDto } from "../../src/shared/dto";
import type { Ack } from "../../src/shared/events";

const { db, reset } = await useTestDatabase();
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const { nodes, sockets } = trackRealtime();
beforeEach(reset);

const ROUNDS = 40;
const REFUSALS = ["FORBIDDEN", "CONFLICT", "ILLEGAL_TRANSITION"];

async function twoNodes() {
  const nodeA = await startRealtimeNode(db, { redisUrl: REDIS_URL, register: false });
  const nodeB = await startRealtimeNode(db, { redisUrl: REDIS_URL });
  nodes.push(nodeA, nodeB);
  return { nodeA, nodeB };
}

async function openConsole(url: string, member: { userId: string; shopId: string }): Promise<Socket> {
  const socket = connectConsole(url, await memberCookie(member));
  sockets.push(socket);
  await waitFor(socket, "console.ready");
  return socket;
}

function refusal(ack: Ack<unknown>): string | null {
  return ack.ok ? null : ack.error.code;
}

describe("issue 9: races between a holder and a transfer, on two nodes", () => {
  it(`issue-9 CHAT-6 CHAT-7 over ${ROUNDS} rounds, no end or reply by a former holder succeeds after the transfer committed`, async () => {
    const shop = await createShop(db);
    const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Olive" });
    const ava = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const ben = await createMember(db, { shopId: shop.id, nickname: "Ben" });
    const { nodeA, nodeB } = await twoNodes();
    const holder = await openConsole(nodeA.url, ava);
    const manager = await openConsole(nodeB.url, owner);

    const tally = { endWon: 0, transferWon: 0, replies: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const chat = await createChat(db, { shopId: shop.id, state: "open", assigneeId: ava.id });
      await db.member.update({ where: { id: ava.id }, data: { openSessionCount: { increment: 1 } } });
      const sessionId = chat.session.id;
      const [reply, end, transfer] = await Promise.all([
        command<MessageDto>(holder, "message:send", { conversationId: chat.conversation.id, clientId: `race-${round}-${crypto.randomUUID().slice(0, 8)}`, content: { kind: "text", body: `reply ${round}` } }),
        command<{ closed: boolean }>(holder, "session:end", { sessionId }),
        command<{ moved: number }>(manager, "session:transfer", { scope: { sessionId }, targetMemberId: ben.id }),
      ]);
      for (const ack of [reply, end, transfer]) if (!ack.ok) expect(REFUSALS, `round ${round}: ${ack.error.message}`).toContain(ack.error.code);

      const session = await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
      const transferRecord = await db.assignment.findFirst({ where: { sessionId, kind: "transfer" } });
      const notes = await db.message.findMany({ where: { conversationId: chat.conversation.id, authorType: "system" }, orderBy: { seq: "asc" } });
      const transferNote = notes.find((note) => (note.payload as { event?: string } | null)?.event === "transferred");
      const endNote = notes.find((note) => (note.payload as { event?: string } | null)?.event === "ended");

      // The transfer and the end exclude each other: whichever committed first wins.
      expect(end.ok && transfer.ok, `round ${round}: both the end and the transfer succeeded`).toBe(false);
      expect(Boolean(transferRecord)).toBe(transfer.ok);
      if (transfer.ok) {
        expect(session).toMatchObject({ state: "open", assigneeId: ben.id, endedById: null });
        expect(refusal(end)).not.toBeNull();
        tally.transferWon += 1;
      }
      if (end.ok) {
        expect(session).toMatchObject({ state: "ended", assigneeId: ava.id, endedById: ava.id });
        expect(transferNote).toBeUndefined();
        tally.endWon += 1;
      }
      // A reply that succeeded came before whatever took the chat away from its author.
      if (reply.ok) {
        tally.replies += 1;
        if (transferNote) expect(reply.data.seq, `round ${round}: reply after the transfer`).toBeLessThan(transferNote.seq);
        if (endNote) expect(reply.data.seq, `round ${round}: reply after the end`).toBeLessThan(endNote.seq);
      }
      // Exactly one of the two moves happened in every round.
      expect(Number(end.ok) + Number(transfer.ok), `round ${round}`).toBe(1);
    }
    expect(tally.endWon + tally.transferWon).toBe(ROUNDS);

    // The hand-kept counters followed every move.
    const counts = await reconcileOpenSessionCounts(db, { shopId: shop.id, log: () => {} });
    expect(counts.drift).toBe(0);
  }, 240_000);
});

describe("CHAT-3: live events of one conversation in sequence order", () => {
  it("CHAT-3 issue-9 a console receives every conversation's message.created in seq order under concurrent writers on two nodes", async () => {
    const shop = await createShop(db);
    // ASSIGN-1: one member, so every new chat is assigned at once and gets its "joined" note.
    const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Solo" });
    const buyers = await Promise.all(Array.from({ length: 4 }, () => createBuyer(db, { shopId: shop.id })));
    const { nodeA, nodeB } = await twoNodes();
    const agent = await openConsole(nodeA.url, owner);
    const seen = new Map<string, number[]>();
    const replied = new Set<string>();
    const replies: Array<Promise<Ack<MessageDto>>> = [];
    agent.on("message.created", (event: { conversationId: string; message: MessageDto }) => {
      const seqs = seen.get(event.conversationId) ?? [];
      seqs.push(event.message.seq);
      seen.set(event.conversationId, seqs);
      // The agent answers each buyer message at once, racing the buyer's next ones.
      if (event.message.authorType === "buyer" && !replied.has(event.message.id)) {
        replied.add(event.message.id);
        replies.push(command<MessageDto>(agent, "message:send", { conversationId: event.conversationId, clientId: `re-${event.message.id}`.slice(0, 60), content: { kind: "text", body: `re: ${event.message.body}` } }));
      }
    });

    const PER_BUYER = 12;
    await Promise.all(buyers.map(async (buyer, index) => {
      const widget = connectWidget(nodeB.url, widgetToken(buyer));
      sockets.push(widget);
      await waitFor(widget, "widget.ready");
      // Fired without waiting for each acknowledgement: the first opens the session, the drain's
      // note and the next messages race for the conversation.
      const sends = Array.from({ length: PER_BUYER }, (_, n) =>
        command(widget, "message:send", { clientId: `buyer-${index}-${n}-${crypto.randomUUID().slice(0, 8)}`, content: { kind: "text", body: `b${index} m${n}` } }));
      for (const ack of await Promise.all(sends)) expect(ack.ok).toBe(true);
    }));

    // Every conversation's events arrive, and arrive in order.
    const conversations = await db.conversation.findMany({ where: { shopId: shop.id } });
    expect(conversations).toHaveLength(buyers.length);
    const started = Date.now();
    const complete = () => conversations.every((c) => (seen.get(c.id)?.length ?? 0) >= PER_BUYER + 1);
    while (!complete() && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 25));
    // A reply to a chat still waiting for the drain is refused (CHAT-2); every other one lands.
    const answered = await Promise.all(replies);
    for (const ack of answered) if (!ack.ok) expect(ack.error.code).toBe("CONFLICT");
    expect(answered.filter((ack) => ack.ok).length).toBeGreaterThan(buyers.length);
    const final = await db.conversation.findMany({ where: { shopId: shop.id } });
    for (const conversation of final) {
      const seqs = seen.get(conversation.id) ?? [];
      expect(seqs, `conversation ${conversation.id}`).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(Math.max(...seqs)).toBeLessThanOrEqual(conversation.lastSeq);
      // The assignment note is among them, in its place.
      const note = await db.message.findFirst({ where: { conversationId: conversation.id, authorType: "system" } });
      expect(seqs).toContain(note!.seq);
    }
    expect(outOfOrderPublishes()).toBe(0);
  }, 120_000);
});
