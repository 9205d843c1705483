// The merge rules both clients use (moved from the widget's and the console's thread-state tests,
// keeping what they asserted; the two disagreed on which copy of a seq wins, and now the one held
// wins everywhere: stored messages never change).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/shared/dto";
import { message } from "./machine-driver";
import { contiguousSeq, hasGap, mergeMessages, unreadFromShop } from "./thread";

const seqs = (messages: MessageDto[]) => messages.map((m) => m.seq);
const of = (list: number[]) => list.map((seq) => message(seq));

describe("CHAT-3 one set of merge rules for widget and console", () => {
  it.each([
    { name: "live append", existing: [1, 2, 3], incoming: [4], expected: [1, 2, 3, 4] },
    { name: "duplicate live event", existing: [1, 2, 3], incoming: [3], expected: [1, 2, 3] },
    { name: "out of order", existing: [1, 2, 5], incoming: [4, 3], expected: [1, 2, 3, 4, 5] },
    { name: "older page", existing: [31, 32], incoming: [29, 30], expected: [29, 30, 31, 32] },
    { name: "resync overlapping", existing: [1, 2, 3], incoming: [2, 3, 4, 5], expected: [1, 2, 3, 4, 5] },
    { name: "repeats inside one batch", existing: [1, 3], incoming: [2, 3, 1], expected: [1, 2, 3] },
    { name: "empty", existing: [], incoming: [2, 1], expected: [1, 2] },
  ])("CHAT-3 $name", ({ existing, incoming, expected }) => {
    expect(seqs(mergeMessages(of(existing), of(incoming)))).toEqual(expected);
  });

  it("CHAT-3 whatever the order and repetition of arrivals, holds each seq once, ascending", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 20 }), { maxLength: 12 }), (batches) => {
        let held: MessageDto[] = [];
        for (const batch of batches) held = mergeMessages(held, of(batch));
        expect(seqs(held)).toEqual([...new Set(batches.flat())].sort((a, b) => a - b));
      }),
    );
  });

  it("CHAT-3 the copy already held wins, and a merge that adds nothing returns the same array", () => {
    const held = of([1, 2, 3]);
    const again = mergeMessages(held, [message(2, { body: "another copy" })]);
    expect(again).toBe(held);
    expect(mergeMessages(held, [])).toBe(held);
    const grown = mergeMessages(held, [message(2, { body: "another copy" }), message(4)]);
    expect(grown[1]).toBe(held[1]);
  });

  it.each([
    [[], 0, 0],
    [[1, 2, 3], 0, 3],
    [[1, 2, 4, 5], 0, 2],
    [[31, 32, 33], 30, 33],
    [[31, 33], 30, 31],
    [[2, 3], 0, 0],
    [[10, 11], 30, 30],
  ])("CHAT-3 resumes after the last gap-free seq: %j above %i is %i", (list, floor, expected) => {
    expect(contiguousSeq(of(list), floor)).toBe(expected);
  });

  it("CHAT-3 detects a gap above the floor", () => {
    expect(hasGap(of([1, 2]), 0)).toBe(false);
    expect(hasGap(of([1, 2, 5]), 0)).toBe(true);
    expect(hasGap(of([31, 32]), 30)).toBe(false);
    expect(hasGap(of([]), 0)).toBe(false);
  });

  it("CHAT-4 counts the shop's messages after the buyer's read position", () => {
    const messages = [message(1), message(2, { authorType: "agent" }), message(3, { authorType: "bot" }), message(4)];
    expect(unreadFromShop(messages, 0)).toBe(2);
    expect(unreadFromShop(messages, 2)).toBe(1);
    expect(unreadFromShop(messages, 4)).toBe(0);
  });
});
