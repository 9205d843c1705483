// Clients of the fault tests (NF-2): each follows one conversation the way the product's delivery
// client does (CHAT-3: merge by seq, resume with conversation:sync from the last gap-free seq on
// every ready and on every gap), and fails over to the next node itself when its node vanishes
// (no balancer in these tests). The ledger counts what was acknowledged, stored, delivered, lost
// and duplicated.
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
  /** Console: the cookie; widget: the token. */
  credentials: { cookie?: string; token?: string; passive?: boolean };
  conversationId?: () => string | null;
}

/** One tab following a conversation, failing over along `urls` when its node goes away. */
export class FollowingClient {
  readonly timeline = new Timeline();
  socket!: Socket;
  failovers = 0;
  readyCount = 0;
  /** Sends that got no positive acknowledgement (an error answer or none), retried since. */
  sendFailures = 0;
  private urlIndex = 0;
  private closed = false;
  private syncing = false;
  private syncAgain = false;
  private readonly readyWaiters: Array<() => void> = [];

  constructor(private readonly options: FollowOptions) {
    this.open();
  }

  private open() {
    const url = this.options.urls[this.urlIndex % this.options.urls.length]!;
    const { cookie, token, passive } = this.options.credentials;
    const socket = connect(`${url}${this.options.namespace}`, {
      transports: ["websocket"],
      forceNew: true, // one connection per tab: a shared manager would send the first tab's headers
      reconnection: false, // failing over is this class's job: to the next node, not the dead one
      extraHeaders: cookie ? { cookie } : undefined,
      auth: { ...(token ? { token } : {}), ...(passive ? { presence: "passive" } : {}) },
    });
    this.socket = socket;
    socket.on("message.created", (event: { message: MessageDto }) => {
      this.timeline.addLive(event.message);
      if (event.message.seq > this.timeline.contiguousSeq + 1) void this.sync();
    });
    socket.on(this.options.namespace === "/console" ? "console.ready" : "widget.ready", () => {
      this.readyCount += 1;
      this.readyWaiters.splice(0).forEach((resolve) => resolve());
      void this.sync();
    });
    const failOver = () => {
      if (this.closed || socket !== this.socket) return;
      socket.removeAllListeners();
      socket.disconnect();
      this.failovers += 1;
      this.urlIndex += 1;
      setTimeout(() => this.open(), 50);
    };
    socket.on("disconnect", failOver);
    socket.on("connect_error", failOver);
  }

  ready(): Promise<void> {
    if (this.socket.connected && this.readyCount > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** CHAT-3 resume: from the last gap-free seq, page by page; one more round if asked meanwhile. */
  async sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.syncAgain = false;
        const conversationId = this.options.conversationId?.();
        if (this.options.conversationId && !conversationId) return;
        for (;;) {
          const reply = await this.socket.timeout(5_000).emitWithAck("conversation:sync", { ...(conversationId ? { conversationId } : {}), afterSeq: this.timeline.contiguousSeq, limit: 500 }).catch(() => null) as { ok: boolean; data?: { messages: MessageDto[]; hasMore: boolean } } | null;
          if (!reply?.ok || !reply.data) break; // the next ready (reconnect) syncs again
          reply.data.messages.forEach((message) => this.timeline.add(message));
          if (!reply.data.hasMore) break;
        }
      } while (this.syncAgain);
    } finally {
      this.syncing = false;
    }
  }

  /** Sends until acknowledged, always with the same client id (CHAT-3), whatever node answers. */
  async send(payload: Record<string, unknown> & { clientId: string }, deadlineMs = 30_000): Promise<{ message: MessageDto; attempts: number; failures: number }> {
    const started = Date.now();
    let failures = 0;
    for (let attempt = 1; Date.now() - started < deadlineMs; attempt++) {
      if (this.socket.connected) {
        const reply = await this.socket.timeout(3_000).emitWithAck("message:send", payload).catch(() => null) as { ok: boolean; data?: MessageDto } | null;
        if (reply?.ok && reply.data) return { message: reply.data, attempts: attempt, failures };
        failures += 1;
        this.sendFailures += 1;
      }
      // Not connected or not acknowledged: wait for the next ready or a short back-off, then retry.
      const backOff = new Promise((resolve) => setTimeout(resolve, 200));
      await (this.socket.connected ? backOff : Promise.race([this.ready(), backOff]));
    }
    throw new Error(`message ${payload.clientId} was not acknowledged in ${deadlineMs} ms`);
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
