import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/shared/dto";
import { contiguousSeq, EMPTY_THREAD, mergeMessages, threadReducer, unreadFromShop, type PendingMessage } from "./thread-state";

const message = (seq: number, overrides: Partial<MessageDto> = {}): MessageDto => ({
  id: `m${seq}`, conversationId: "c1", sessionId: "s1", seq, clientId: null, authorType: "buyer", author: null,
  kind: "text", body: `message ${seq}`, payload: null, isAutomatic: false, createdAt: new Date(seq * 1000).toISOString(), ...overrides,
});
const pending = (clientId: string): PendingMessage => ({
  clientId, content: { kind: "text", body: "hi" }, preview: { kind: "text", body: "hi" }, status: "sending", progress: 0, error: null, canRetry: true,
});

describe("widget thread state (CHAT-3: nothing lost, nothing duplicated)", () => {
  it("CHAT-3 merging keeps one copy per sequence number, in order", () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3), message(1)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("CHAT-3 any interleaving of history, live events, sync answers and repeats gives the same thread", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }), { maxLength: 8 }), (batches) => {
        let state = threadReducer(EMPTY_THREAD, { type: "history_loaded", messages: [], hasMore: false });
        for (const batch of batches) state = threadReducer(state, { type: "received", messages: batch.map((seq) => message(seq)) });
        const expected = [...new Set(batches.flat())].sort((a, b) => a - b);
        expect(state.messages.map((m) => m.seq)).toEqual(expected);
      }),
    );
  });

  it.each([
    [[], 0, 0],
    [[1, 2, 3], 0, 3],
    [[1, 2, 4, 5], 0, 2],
    [[31, 32, 33], 30, 33],
    [[31, 33], 30, 31],
    [[2, 3], 0, 0],
    [[10, 11], 30, 30],
  ])("CHAT-3 resumes after the last gap-free seq: %j above %i is %i", (seqs, floor, expected) => {
    expect(contiguousSeq(seqs.map((seq) => message(seq)), floor)).toBe(expected);
  });

  it("CHAT-3 the first history page sets the floor: 0 at the beginning, else just before the page", () => {
    const whole = threadReducer(EMPTY_THREAD, { type: "history_loaded", messages: [message(1), message(2)], hasMore: false });
    expect(whole.floorSeq).toBe(0);
    const page = threadReducer(EMPTY_THREAD, { type: "history_loaded", messages: [message(71), message(100)], hasMore: true });
    expect(page.floorSeq).toBe(70);
    expect(page.hasMoreBefore).toBe(true);
    const older = threadReducer(page, { type: "older_loaded", messages: [message(41), message(70)], hasMore: false });
    expect(older.messages.map((m) => m.seq)).toEqual([41, 70, 71, 100]);
    expect(older.hasMoreBefore).toBe(false);
  });

  it("CHAT-3 a pending bubble disappears when its stored message arrives, by ack or by event", () => {
    let state = threadReducer(EMPTY_THREAD, { type: "pending_added", pending: pending("abc12345") });
    state = threadReducer(state, { type: "pending_added", pending: pending("def12345") });
    state = threadReducer(state, { type: "received", messages: [message(5, { clientId: "abc12345" })] });
    expect(state.pending.map((p) => p.clientId)).toEqual(["def12345"]);
    state = threadReducer(state, { type: "pending_updated", clientId: "def12345", patch: { status: "failed", error: "Too fast" } });
    expect(state.pending[0]).toMatchObject({ status: "failed", error: "Too fast" });
    state = threadReducer(state, { type: "pending_removed", clientId: "def12345" });
    expect(state.pending).toEqual([]);
  });

  it("CHAT-4 counts the shop's messages after the buyer's read position", () => {
    const messages = [message(1), message(2, { authorType: "agent" }), message(3, { authorType: "bot" }), message(4)];
    expect(unreadFromShop(messages, 0)).toBe(2);
    expect(unreadFromShop(messages, 2)).toBe(1);
    expect(unreadFromShop(messages, 4)).toBe(0);
  });
});
