import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/shared/dto";
import { emptyThread, hasGapAfter, mergeMessages, threadReducer, type PendingMessage, type ThreadState } from "./thread-state";

const CONVERSATION = "c1";

function message(seq: number, clientId: string | null = null): MessageDto {
  return {
    id: `m${seq}`,
    conversationId: CONVERSATION,
    sessionId: "s1",
    seq,
    clientId,
    authorType: "buyer",
    author: null,
    kind: "text",
    body: `message ${seq}`,
    payload: null,
    isAutomatic: false,
    createdAt: new Date(0).toISOString(),
  };
}

function pending(clientId: string): PendingMessage {
  return { clientId, content: { kind: "text", body: "hi" }, media: null, status: "sending", progress: 0, error: null, createdAt: new Date(0).toISOString() };
}

const seqs = (state: ThreadState | MessageDto[]) => ("messages" in state ? state.messages : state).map((m) => m.seq);

describe("CHAT-3 the chat window merges messages by sequence number", () => {
  it.each([
    { name: "live append", existing: [1, 2, 3], incoming: [4], expected: [1, 2, 3, 4] },
    { name: "duplicate live event", existing: [1, 2, 3], incoming: [3], expected: [1, 2, 3] },
    { name: "out of order", existing: [1, 2, 5], incoming: [4, 3], expected: [1, 2, 3, 4, 5] },
    { name: "older page", existing: [31, 32], incoming: [29, 30], expected: [29, 30, 31, 32] },
    { name: "resync overlapping", existing: [1, 2, 3], incoming: [2, 3, 4, 5], expected: [1, 2, 3, 4, 5] },
    { name: "empty", existing: [], incoming: [2, 1], expected: [1, 2] },
  ])("$name", ({ existing, incoming, expected }) => {
    expect(seqs(mergeMessages(existing.map((s) => message(s)), incoming.map((s) => message(s))))).toEqual(expected);
  });

  it("whatever the order and repetition of arrivals, holds each seq once, ascending", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }), { maxLength: 12 }), (batches) => {
        let held: MessageDto[] = [];
        for (const batch of batches) held = mergeMessages(held, batch.map((s) => message(s)));
        const expected = [...new Set(batches.flat())].sort((a, b) => a - b);
        expect(seqs(held)).toEqual(expected);
      }),
    );
  });

  it("a pending bubble becomes the stored message when its client id arrives, by ack or by live event", () => {
    let state = threadReducer(emptyThread(CONVERSATION), { type: "loaded", conversationId: CONVERSATION, messages: [message(1)], hasMoreBefore: false });
    state = threadReducer(state, { type: "pending_added", conversationId: CONVERSATION, pending: pending("client-a") });
    state = threadReducer(state, { type: "pending_added", conversationId: CONVERSATION, pending: pending("client-b") });
    state = threadReducer(state, { type: "received", conversationId: CONVERSATION, messages: [message(2, "client-a")] });
    expect(state.pending.map((p) => p.clientId)).toEqual(["client-b"]);
    // The ack for the same message after the live event changes nothing.
    const again = threadReducer(state, { type: "received", conversationId: CONVERSATION, messages: [message(2, "client-a")] });
    expect(again).toBe(state);
    expect(seqs(again)).toEqual([1, 2]);
  });

  it("a retry with the same client id never adds a second pending bubble", () => {
    let state = threadReducer(emptyThread(CONVERSATION), { type: "pending_added", conversationId: CONVERSATION, pending: pending("client-a") });
    state = threadReducer(state, { type: "pending_added", conversationId: CONVERSATION, pending: pending("client-a") });
    expect(state.pending).toHaveLength(1);
  });

  it("drops answers that belong to a chat no longer open", () => {
    const state = emptyThread(CONVERSATION);
    expect(threadReducer(state, { type: "received", conversationId: "other", messages: [message(1)] })).toBe(state);
  });

  it("live messages that arrived before the first page are kept when it lands", () => {
    let state = threadReducer(emptyThread(CONVERSATION), { type: "received", conversationId: CONVERSATION, messages: [message(31)] });
    state = threadReducer(state, { type: "loaded", conversationId: CONVERSATION, messages: [message(29), message(30)], hasMoreBefore: true });
    expect(seqs(state)).toEqual([29, 30, 31]);
    expect(state.isLoaded).toBe(true);
  });

  it("detects a gap after the highest seq held", () => {
    const state = threadReducer(emptyThread(CONVERSATION), { type: "loaded", conversationId: CONVERSATION, messages: [message(1), message(2)], hasMoreBefore: false });
    expect(hasGapAfter(state, [message(3)])).toBe(false);
    expect(hasGapAfter(state, [message(2)])).toBe(false);
    expect(hasGapAfter(state, [message(5)])).toBe(true);
  });

  it("CHAT-4 the buyer's read mark only moves forward", () => {
    let state = threadReducer(emptyThread(CONVERSATION), { type: "buyer_read", conversationId: CONVERSATION, seq: 5 });
    state = threadReducer(state, { type: "buyer_read", conversationId: CONVERSATION, seq: 3 });
    expect(state.buyerReadSeq).toBe(5);
  });
});
