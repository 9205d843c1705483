import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  entryCountsOnline, lostConsoleDeadline, membersToRequeue, NODE_DEAD_AFTER_MS, NODE_HEARTBEAT_INTERVAL_MS,
  nodesToGiveUp, onlineMemberIds, sessionsToRequeue, type PresenceEntry,
} from "./index";

const liveness = (beats: Record<string, number>) => ({ lastBeats: new Map(Object.entries(beats)), deadAfterMs: NODE_DEAD_AFTER_MS });
const live = (memberId: string, nodeId: string, expiresAt = 1e12): PresenceEntry => ({ memberId, nodeId, state: "live", expiresAt });
const closed = (memberId: string, nodeId: string, expiresAt: number): PresenceEntry => ({ memberId, nodeId, state: "closed", expiresAt });

describe("presence across nodes (ASSIGN-2, NF-2)", () => {
  it("ASSIGN-2 a live console counts while its node heartbeats, and stops counting once the node is silent past the limit", () => {
    const entry = live("ava", "n1");
    expect(entryCountsOnline(entry, liveness({ n1: 1_000 }), 1_000 + NODE_DEAD_AFTER_MS)).toBe(true);
    expect(entryCountsOnline(entry, liveness({ n1: 1_000 }), 1_000 + NODE_DEAD_AFTER_MS + 1)).toBe(false);
    expect(entryCountsOnline(entry, liveness({}), 1_000)).toBe(false); // a node that is gone
  });

  it("ASSIGN-2 a closed console counts for its grace period whatever its node does (a reload is not leaving)", () => {
    const entry = closed("ava", "n1", 31_000);
    expect(entryCountsOnline(entry, liveness({}), 30_999)).toBe(true);
    expect(entryCountsOnline(entry, liveness({ n1: 0 }), 31_000)).toBe(false);
  });

  it("ASSIGN-2 a live entry past its backstop expiry does not count even on a live node", () => {
    expect(entryCountsOnline(live("ava", "n1", 5_000), liveness({ n1: 5_000 }), 5_000)).toBe(false);
  });

  it("ASSIGN-2 the heartbeat leaves room for three missed beats before a node is dead, well inside 10 s", () => {
    expect(NODE_DEAD_AFTER_MS).toBeGreaterThanOrEqual(3 * NODE_HEARTBEAT_INTERVAL_MS);
    // Worst case: the node dies just before a beat, so the last beat is one interval older than the kill.
    expect(NODE_DEAD_AFTER_MS).toBeLessThanOrEqual(10_000);
  });

  it("ASSIGN-2 a member is online when any of their consoles counts (another node, another tab)", () => {
    const entries = [live("ava", "dead"), live("ava", "alive"), live("ben", "dead")];
    expect(onlineMemberIds(entries, liveness({ dead: 0, alive: 20_000 }), 20_000)).toEqual(new Set(["ava"]));
  });

  it("ASSIGN-2 consoles of a dead node are given up at the grace period from its last heartbeat, never before the node is dead", () => {
    expect(lostConsoleDeadline(1_000, { graceMs: 30_000, deadAfterMs: NODE_DEAD_AFTER_MS })).toBe(31_000);
    expect(lostConsoleDeadline(1_000, { graceMs: 2_000, deadAfterMs: NODE_DEAD_AFTER_MS })).toBe(1_000 + NODE_DEAD_AFTER_MS);
    const nodes = liveness({ a: 0, b: 10_000 });
    expect(nodesToGiveUp(nodes, 29_999, 30_000)).toEqual([]);
    expect(nodesToGiveUp(nodes, 30_000, 30_000)).toEqual([{ nodeId: "a", lastBeatAt: 0 }]);
    // Grace shorter than the dead limit: given up once the node is dead, not at the limit itself.
    expect(nodesToGiveUp(liveness({ a: 0 }), NODE_DEAD_AFTER_MS, 2_000)).toEqual([]);
    expect(nodesToGiveUp(liveness({ a: 0 }), NODE_DEAD_AFTER_MS + 1, 2_000)).toEqual([{ nodeId: "a", lastBeatAt: 0 }]);
  });

  it("ASSIGN-2 only members who had a live console there and are not back are requeued", () => {
    const entries = [live("ava", "n1"), closed("ben", "n1", 0), live("cy", "n1")];
    expect(membersToRequeue(entries, new Set(["cy"]))).toEqual(["ava"]);
  });

  it("ASSIGN-2 only sessions auto-assigned after the node's last heartbeat go back to the queue", () => {
    const sessions = [
      { id: "before", autoAssignedAt: new Date(999) },
      { id: "at", autoAssignedAt: new Date(1_000) },
      { id: "after", autoAssignedAt: new Date(1_001) },
      { id: "manual", autoAssignedAt: null },
    ];
    expect(sessionsToRequeue(sessions, 1_000).map((s) => s.id)).toEqual(["after"]);
  });

  it("ASSIGN-2 property: a node that keeps heartbeating never loses its members, and nothing on it is given up", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom("ava", "ben", "cy"), fc.constantFrom("n1", "n2")), { minLength: 1, maxLength: 10 }),
      fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: NODE_DEAD_AFTER_MS }), fc.integer({ min: 0, max: 600_000 }),
      (pairs, now, sinceBeat, graceMs) => {
        const entries = pairs.map(([memberId, nodeId]) => live(memberId, nodeId));
        const nodes = liveness({ n1: now - sinceBeat, n2: now - sinceBeat });
        expect(onlineMemberIds(entries, nodes, now)).toEqual(new Set(pairs.map(([memberId]) => memberId)));
        expect(nodesToGiveUp(nodes, now, graceMs)).toEqual([]);
      },
    ));
  });

  it("ASSIGN-2 property: a member given up is never online at that moment, and everyone online keeps their chats", () => {
    const entry = fc.record({ memberId: fc.constantFrom("ava", "ben", "cy"), nodeId: fc.constantFrom("n1", "n2"), state: fc.constantFrom("live" as const, "closed" as const), expiresAt: fc.integer({ min: 0, max: 100_000 }) });
    fc.assert(fc.property(fc.array(entry, { maxLength: 12 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (entries, beatN2, now) => {
      const nodes = liveness({ n1: 0, n2: beatN2 });
      const online = onlineMemberIds(entries, nodes, now);
      const requeued = membersToRequeue(entries.filter((e) => e.nodeId === "n1"), online);
      for (const member of requeued) expect(online.has(member)).toBe(false);
    }));
  });
});
