// Clients of the fault tests (NF-2): each follows one conversation the way the product's delivery
// client does (CHAT-3: merge by seq, resume with conversation:sync from the last gap-free seq on
// every ready and on every gap), and fails over to the next node itself when its node vanishes
// (no balancer in these tests; behind a balancer `urls` is its one address). The ledger counts
// what was acknowledged, stored, delivered, lost and duplicated. The failover benchmark
// (bench/scenarios/failover.ts) uses the same client: a console following several chats, the
// product's reconnection back-off, and when each disconnect and ready happened.
import { io as connect, type Socket } from "socket.io-client";
import type { MessageDto } from "../../../src/shared/dto";

export class Timeline {
  readonly bySeq = new Map<number, MessageDto>();
  /** Live `message.created` events whose message this client already had from a live event. */
  liveDuplicates = 0;
  readonly liveIds = new Set<string>();
  readonly arrivals = new Map<string, number>();
  addLive(message: MessageDto) {
    if (this.liveIds.has(message.id)) this.liveDuplicates += 1;
    this.liveIds.add(message.id);
    this.add(message);
  }
  add(message: MessageDto) {
    if (!this.arrivals.has(message.id)) this.arrivals.set(message.id, performance.now());
    if (!this.bySeq.has(message.seq)) this.bySeq.set(message.seq, message);
  }
  /** The last seq up to which this client holds every message. */
  get contiguousSeq() {
    let seq = 0;
    while (this.bySeq.has(seq + 1)) seq += 1;
    return seq;
  }
  clientIds(): string[] {
    return [...this.bySeq.values()].map((message) => message.clientId).filter((id): id is string => Boolean(id));
  }
}

export interface FollowOptions {
  namespace: "/console" | "/widget";
  urls: string[];
  /** Console: the cookie; widget: the token. `headers`: extra handshake headers (X-Forwarded-For behind a balancer). */
  credentials: { cookie?: string; token?: string; passive?: boolean; headers?: Record<string, string> };
  conversationId?: () => string | null;
  /**
   * A console following several chats: one timeline per conversation (`timelineOf`), each resumed
   * from its own gap-free seq. Without it the client holds one conversation in `timeline`.
   */
  conversationIds?: () => string[];
  /** Milliseconds before the n-th (1-based) reconnection attempt since the last ready; default 50. */
  reconnectDelayMs?: (attempt: number) => number;
}

/**
 * Socket.IO client's own back-off (`reconnectionDelay`, `reconnectionDelayMax`, randomization 0.5),
 * for clients that should fail over as slowly as the product's widget and console do.
 */
export function socketIoBackOff(delayMs: number, delayMaxMs: number, randomization = 0.5): (attempt: number) => number {
  return (attempt) => {
    const base = delayMs * 2 ** (attempt - 1);
    const jitter = base * randomization * (Math.random() * 2 - 1);
    return Math.min(delayMaxMs, Math.max(0, Math.round(base + jitter)));
  };
}

/** One tab following a conversation, failing over along `urls` when its node goes away. */
export class FollowingClient {
  readonly timeline = new Timeline();
  /** With `conversationIds`: conversation id → its timeline. */
  readonly timelines = new Map<string, Timeline>();
  /** performance.now() of every disconnect (or failed connection) and of every ready. */
  readonly disconnectedAt: number[] = [];
  readonly readyAt: number[] = [];
  socket!: Socket;
  failovers = 0;
  readyCount = 0;
  /** Sends that got no positive acknowledgement (an error answer or none), retried since. */
  sendFailures = 0;
  private urlIndex = 0;
  private closed = false;
  private attemptsSinceReady = 0;
  private readonly syncs = new Map<string, { running: boolean; again: boolean }>();
  private readonly readyWaiters: Array<() => void> = [];

  constructor(private readonly options: FollowOptions) {
    this.open();
  }

  private open() {
    const url = this.options.urls[this.urlIndex % this.options.urls.length]!;
    const { cookie, token, passive, headers } = this.options.credentials;
    const extraHeaders = { ...headers, ...(cookie ? { cookie } : {}) };
    const socket = connect(`${url}${this.options.namespace}`, {
      transports: ["websocket"],
      forceNew: true, // one connection per tab: a shared manager would send the first tab's headers
      reconnection: false, // failing over is this class's job: to the next node, not the dead one
      extraHeaders: Object.keys(extraHeaders).length > 0 ? extraHeaders : undefined,
      auth: { ...(token ? { token } : {}), ...(passive ? { presence: "passive" } : {}) },
    });
    this.socket = socket;
    socket.on("message.created", (event: { message: MessageDto }) => {
      const timeline = this.timelineOf(event.message.conversationId);
      timeline.addLive(event.message);
      if (event.message.seq > timeline.contiguousSeq + 1) void this.sync(this.options.conversationIds ? event.message.conversationId : undefined);
    });
    socket.on(this.options.namespace === "/console" ? "console.ready" : "widget.ready", () => {
      this.readyCount += 1;
      this.attemptsSinceReady = 0;
      this.readyAt.push(performance.now());
      this.readyWaiters.splice(0).forEach((resolve) => resolve());
      if (this.options.conversationIds) this.options.conversationIds().forEach((conversationId) => void this.sync(conversationId));
      else void this.sync();
    });
    const failOver = () => {
      if (this.closed || socket !== this.socket) return;
      socket.removeAllListeners();
      socket.disconnect();
      this.disconnectedAt.push(performance.now());
      this.failovers += 1;
      this.urlIndex += 1;
      this.attemptsSinceReady += 1;
      setTimeout(() => this.open(), this.options.reconnectDelayMs?.(this.attemptsSinceReady) ?? 50);
    };
    socket.on("disconnect", failOver);
    socket.on("connect_error", failOver);
  }

  ready(): Promise<void> {
    if (this.socket.connected && this.readyCount > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The timeline a message of this conversation goes to (the one `timeline` unless following several). */
  timelineOf(conversationId: string): Timeline {
    if (!this.options.conversationIds) return this.timeline;
    let timeline = this.timelines.get(conversationId);
    if (!timeline) this.timelines.set(conversationId, (timeline = new Timeline()));
    return timeline;
  }

  /**
   * CHAT-3 resume: from the last gap-free seq, page by page; one more round if asked meanwhile.
   * `followed`: which of the `conversationIds` (otherwise the one conversation of the client).
   */
  async sync(followed?: string): Promise<void> {
    const key = followed ?? "";
    const state = this.syncs.get(key) ?? { running: false, again: false };
    this.syncs.set(key, state);
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.again = false;
        const conversationId = followed ?? this.options.conversationId?.();
        if (this.options.conversationId && !conversationId) return;
        const timeline = followed ? this.timelineOf(followed) : this.timeline;
        for (;;) {
          const reply = await this.socket.timeout(5_000).emitWithAck("conversation:sync", { ...(conversationId ? { conversationId } : {}), afterSeq: timeline.contiguousSeq, limit: 500 }).catch(() => null) as { ok: boolean; data?: { messages: MessageDto[]; hasMore: boolean } } | null;
          if (!reply?.ok || !reply.data) break; // the next ready (reconnect) syncs again
          reply.data.messages.forEach((message) => timeline.add(message));
          if (!reply.data.hasMore) break;
        }
      } while (state.again);
    } finally {
      state.running = false;
    }
  }

  /** Sends until acknowledged, always with the same client id (CHAT-3), whatever node answers. */
  async send(payload: Record<string, unknown> & { clientId: string }, deadlineMs = 30_000): Promise<{ message: MessageDto; attempts: number; failures: number }> {
    const started = Date.now();
    let failures = 0;
    let lastError = "never connected";
    for (let attempt = 1; Date.now() - started < deadlineMs; attempt++) {
      if (this.socket.connected) {
        const reply = await this.socket.timeout(3_000).emitWithAck("message:send", payload).catch(() => null) as { ok: boolean; data?: MessageDto; error?: { code: string; message: string } } | null;
        if (reply?.ok && reply.data) return { message: reply.data, attempts: attempt, failures };
        lastError = reply ? `${reply.error?.code}: ${reply.error?.message}` : "no acknowledgement within 3 s";
        failures += 1;
        this.sendFailures += 1;
      }
      // Not connected or not acknowledged: wait for the next ready or a short back-off, then retry.
      const backOff = new Promise((resolve) => setTimeout(resolve, 200));
      await (this.socket.connected ? backOff : Promise.race([this.ready(), backOff]));
    }
    throw new Error(`message ${payload.clientId} was not acknowledged in ${deadlineMs} ms (last: ${lastError})`);
  }

  close() {
    this.closed = true;
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}

/** Waits for a condition the test cannot be told about (a poll with a deadline, never a fixed sleep). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 20_000, what = "condition"): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Ledger {
  acknowledged: number;
  stored: number;
  delivered: number;
  lost: number;
  duplicated: number;
}

/**
 * acknowledged: client ids acked; stored: rows for them; delivered: acked messages held by every
 * follower (counted once per message); lost: acked but not stored, or not held by some follower;
 * duplicated: rows beyond one per client id, plus live events delivered twice to one socket.
 */
export function ledger(input: { acknowledged: Set<string>; storedClientIds: string[]; followers: Timeline[] }): Ledger {
  const stored = new Set(input.storedClientIds);
  const heldByAll = [...input.acknowledged].filter((id) => input.followers.every((timeline) => timeline.clientIds().includes(id)));
  const lost = [...input.acknowledged].filter((id) => !stored.has(id) || !heldByAll.includes(id)).length;
  const duplicated = input.storedClientIds.length - stored.size + input.followers.reduce((sum, timeline) => sum + timeline.liveDuplicates, 0);
  return { acknowledged: input.acknowledged.size, stored: input.storedClientIds.filter((id) => input.acknowledged.has(id)).length, delivered: heldByAll.length, lost, duplicated };
}
