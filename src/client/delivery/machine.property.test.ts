// CHAT-3 as a property: whatever the network does — live events late, repeated or out of order,
// answers computed before and delivered after other events, connections dropped (losing every
// answer and event in flight) and re-established, sends retried — once the link settles the
// client holds exactly the server's thread (above the floor of its first page): no gap, no
// duplicate, ascending, and every message written was stored once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/shared/dto";
import { MachineDriver, ServerThread, type SentCommand } from "./machine-driver";
import type { DeliveryAck } from "./types";

type Op =
  | { type: "write" }
  | { type: "send" }
  | { type: "process"; pick: number }
  | { type: "deliver_reply"; pick: number }
  | { type: "deliver_live"; pick: number }
  | { type: "repeat_live"; pick: number }
  | { type: "drop" }
  | { type: "reconnect" }
  | { type: "advance"; ms: number }
  | { type: "load_older" };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: "write" as const }) },
  { weight: 2, arbitrary: fc.constant({ type: "send" as const }) },
  { weight: 4, arbitrary: fc.nat(20).map((pick) => ({ type: "process" as const, pick })) },
  { weight: 4, arbitrary: fc.nat(20).map((pick) => ({ type: "deliver_reply" as const, pick })) },
  { weight: 4, arbitrary: fc.nat(20).map((pick) => ({ type: "deliver_live" as const, pick })) },
  { weight: 1, arbitrary: fc.nat(60).map((pick) => ({ type: "repeat_live" as const, pick })) },
  { weight: 2, arbitrary: fc.constant({ type: "drop" as const }) },
  { weight: 2, arbitrary: fc.constant({ type: "reconnect" as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((ms) => ({ type: "advance" as const, ms })) },
  { weight: 1, arbitrary: fc.constant({ type: "load_older" as const }) },
);

/** The world: a server, a client, and what is on the wire between them. */
class World {
  readonly server = new ServerThread();
  readonly client = new MachineDriver({ historyPage: 5, olderPage: 5, syncPage: 2 });
  isOnline = false;
  /** Commands the server has answered, whose answers are still on the way back. */
  replies: Array<{ sent: SentCommand; ack: DeliveryAck }> = [];
  live: MessageDto[] = [];
  sends = 0;

  constructor(initial: number) {
    for (let i = 0; i < initial; i++) this.server.append();
  }

  apply(step: Op): void {
    const { client } = this;
    switch (step.type) {
      case "write":
        return this.publish(this.server.append());
      case "send":
        this.sends += 1;
        client.dispatch({ type: "send", clientId: `client-${this.sends}`, content: { kind: "text", body: `sent ${this.sends}` }, preview: { kind: "text", body: `sent ${this.sends}` } });
        return;
      case "process": {
        if (!this.isOnline || client.outstanding.length === 0) return;
        const sent = client.outstanding[step.pick % client.outstanding.length]!;
        client.outstanding = client.outstanding.filter((entry) => entry !== sent);
        const before = this.server.messages.length;
        const data = this.server.answer(sent.command);
        if (this.server.messages.length > before) this.publish(this.server.messages.at(-1)!);
        this.replies.push({ sent, ack: { ok: true, data } });
        return;
      }
      case "deliver_reply": {
        if (this.replies.length === 0) return;
        const [reply] = this.replies.splice(step.pick % this.replies.length, 1);
        client.dispatch({ type: "reply", requestId: reply!.sent.requestId, ack: reply!.ack });
        return;
      }
      case "deliver_live": {
        if (this.live.length === 0) return;
        const [event] = this.live.splice(step.pick % this.live.length, 1);
        client.dispatch({ type: "live", messages: [event!] });
        return;
      }
      case "repeat_live": {
        const again = this.server.messages[step.pick % Math.max(1, this.server.messages.length)];
        if (this.isOnline && again) client.dispatch({ type: "live", messages: [again] });
        return;
      }
      case "drop":
        if (!this.isOnline) return;
        this.isOnline = false;
        // Everything on the wire is lost with the connection.
        this.replies = [];
        this.live = [];
        client.drop();
        return;
      case "reconnect":
        if (this.isOnline) return;
        this.isOnline = true;
        client.dispatch({ type: "connected" });
        return;
      case "advance":
        client.advance(step.ms);
        return;
      case "load_older":
        client.dispatch({ type: "load_older" });
        return;
    }
  }

  /** The room receives the event only while the client is connected. */
  private publish(message: MessageDto): void {
    if (this.isOnline) this.live.push(message);
  }

  /** The link comes back and stays: everything in flight is answered and delivered, timers run out. */
  settle(): void {
    this.apply({ type: "reconnect" });
    for (let round = 0; round < 500; round++) {
      if (this.client.outstanding.length > 0) this.apply({ type: "process", pick: 0 });
      else if (this.replies.length > 0) this.apply({ type: "deliver_reply", pick: 0 });
      else if (this.live.length > 0) this.apply({ type: "deliver_live", pick: 0 });
      else if (this.client.timers.size > 0) this.client.advance(60_000);
      else return;
    }
    throw new Error("the client never settled");
  }
}

describe("CHAT-3 delivery machine properties", () => {
  it("CHAT-3 for any interleaving of live events, sync replies, drops and reconnects, the held thread ends equal to the server's", () => {
    fc.assert(
      fc.property(fc.nat(12), fc.boolean(), fc.array(op, { maxLength: 120 }), (initial, startOnline, ops) => {
        const world = new World(initial);
        if (startOnline) world.apply({ type: "reconnect" });
        for (const step of ops) world.apply(step);
        world.settle();
        const { state } = world.client;
        const held = state.messages.map((message) => message.seq);
        const expected = world.server.messages.map((message) => message.seq).filter((seq) => seq > state.floorSeq);
        expect(held).toEqual(expected);
        expect(new Set(held).size).toBe(held.length);
        expect(state.isLoaded).toBe(true);
        // Every message the client wrote is stored exactly once and no bubble is left.
        expect(state.pending).toEqual([]);
        const bodies = world.server.messages.filter((message) => message.clientId !== null).map((message) => message.clientId);
        expect(new Set(bodies).size).toBe(world.sends);
        expect(bodies).toHaveLength(world.sends);
      }),
      { numRuns: 1000 },
    );
    // A thousand worlds of up to 120 steps: seconds of pure CPU, more on a busy machine.
  }, 60_000);

  it("CHAT-3 the client's own messages are stored in the order they were written", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const world = new World(0);
        world.apply({ type: "reconnect" });
        for (const step of ops) world.apply(step);
        world.settle();
        const mine = world.server.messages.filter((message) => message.clientId !== null).map((message) => Number(message.clientId!.split("-")[1]));
        expect(mine).toEqual([...mine].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
