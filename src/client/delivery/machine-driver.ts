// Test support (imported by the *.test.ts files beside it, never by the app): drives the pure
// machine with a fake clock, keeps the timers it asks for and the commands it sends, so a test
// answers them in any order, late, or never, like a server over a flaky link would.
import type { MessageDto } from "@/shared/dto";
import { INITIAL_DELIVERY_STATE, step } from "./machine";
import { DEFAULT_CONFIG, type DeliveryAck, type DeliveryCommand, type DeliveryConfig, type DeliveryEffect, type DeliveryEvent, type DeliveryState, type TimerKey } from "./types";

export interface SentCommand {
  requestId: number;
  command: DeliveryCommand;
}

export class MachineDriver {
  state: DeliveryState = INITIAL_DELIVERY_STATE;
  now = 0;
  readonly timers = new Map<TimerKey, number>();
  /** Commands sent and not answered yet, oldest first. */
  outstanding: SentCommand[] = [];
  readonly sent: SentCommand[] = [];
  readonly effects: DeliveryEffect[] = [];
  readonly config: DeliveryConfig;

  constructor(config: Partial<DeliveryConfig> = {}) {
    this.config = { ...DEFAULT_CONFIG, ...config };
  }

  dispatch(event: DeliveryEvent): this {
    const result = step(this.state, event, this.now, this.config);
    this.state = result.state;
    for (const effect of result.effects) {
      this.effects.push(effect);
      if (effect.type === "command") {
        const sent = { requestId: effect.requestId, command: effect.command };
        this.outstanding.push(sent);
        this.sent.push(sent);
      } else if (effect.type === "set_timer") this.timers.set(effect.key, this.now + effect.ms);
      else if (effect.type === "clear_timer") this.timers.delete(effect.key);
    }
    return this;
  }

  /** Moves the fake clock, firing due timers in time order. */
  advance(ms: number): this {
    const target = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, at]) => at <= target).sort((a, b) => a[1] - b[1])[0];
      if (!due) break;
      this.now = Math.max(this.now, due[1]);
      this.timers.delete(due[0]);
      this.dispatch({ type: "timer", key: due[0] });
    }
    this.now = target;
    return this;
  }

  /** Removes and returns the oldest outstanding command with this name. */
  take(name: DeliveryCommand["name"]): SentCommand {
    const index = this.outstanding.findIndex((entry) => entry.command.name === name);
    if (index < 0) throw new Error(`no outstanding ${name}; outstanding: ${this.outstanding.map((entry) => entry.command.name).join(", ") || "none"}`);
    return this.outstanding.splice(index, 1)[0]!;
  }

  has(name: DeliveryCommand["name"]): boolean {
    return this.outstanding.some((entry) => entry.command.name === name);
  }

  answer(sent: SentCommand, ack: DeliveryAck): this {
    this.outstanding = this.outstanding.filter((entry) => entry !== sent);
    return this.dispatch({ type: "reply", requestId: sent.requestId, ack });
  }

  ok(sent: SentCommand, data: unknown): this {
    return this.answer(sent, { ok: true, data });
  }

  /** The socket dropped: answers to what was sent never come. */
  drop(): this {
    this.outstanding = [];
    return this.dispatch({ type: "disconnected" });
  }

  seqs(): number[] {
    return this.state.messages.map((message) => message.seq);
  }

  effectsOf<T extends DeliveryEffect["type"]>(type: T): Array<Extract<DeliveryEffect, { type: T }>> {
    return this.effects.filter((effect): effect is Extract<DeliveryEffect, { type: T }> => effect.type === type);
  }
}

export function message(seq: number, overrides: Partial<MessageDto> = {}): MessageDto {
  return {
    id: `m${seq}`, conversationId: "c1", sessionId: "s1", seq, clientId: null, authorType: "buyer", author: null,
    kind: "text", body: `message ${seq}`, payload: null, isAutomatic: false, createdAt: new Date(seq * 1_000).toISOString(), ...overrides,
  };
}

/** A server's copy of one conversation, answering sync and history as the real one does. */
export class ServerThread {
  readonly messages: MessageDto[] = [];

  append(overrides: Partial<MessageDto> = {}): MessageDto {
    const stored = message(this.messages.length + 1, overrides);
    this.messages.push(stored);
    return stored;
  }

  answer(command: DeliveryCommand): unknown {
    if (command.name === "conversation:sync") {
      const after = this.messages.filter((m) => m.seq > command.input.afterSeq);
      return { messages: after.slice(0, command.input.limit), hasMore: after.length > command.input.limit };
    }
    if (command.name === "conversation:history") {
      const before = command.input.beforeSeq === undefined ? this.messages : this.messages.filter((m) => m.seq < command.input.beforeSeq!);
      const page = before.slice(Math.max(0, before.length - command.input.limit));
      return { messages: page, hasMore: before.length > page.length };
    }
    const existing = this.messages.find((m) => m.clientId === command.input.clientId);
    return existing ?? this.append({ clientId: command.input.clientId, body: command.input.content.kind === "text" ? command.input.content.body : command.input.content.kind });
  }
}
