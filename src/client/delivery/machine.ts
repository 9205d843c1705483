// The delivery state machine (CHAT-3), shared by the buyer widget and the agent console:
// events in (connection changes, live messages, acknowledgements, timers, user actions),
// the next state and the effects to perform out. Pure: no socket, no clock, no timers; the
// runtime (client.ts) stamps every event with `now` and performs the effects.
//
// The rules, whatever the order events arrive in:
// - resume from the last gap-free sequence number (`contiguousSeq`) after every (re)connect and
//   whenever a live message or an acknowledgement reveals a gap, page by page; a request made
//   while one runs is coalesced into one more round, so a live message racing a sync can never
//   make the client skip what lies in between;
// - answers to requests made before a reconnect are stale and ignored;
// - the outbox sends one message at a time, in the order written, with the client id made once;
//   a lost answer or a lost connection re-sends the same id (the server stores it once); a
//   RATE_LIMITED answer fails that message with the server's words and holds every send until
//   the wait it names is over.
import { contiguousSeq, firstSeq, hasGap, mergeMessages } from "./thread";
import { DEFAULT_CONFIG, INITIAL_DELIVERY_STATE, type DeliveryAck, type DeliveryCommand, type DeliveryConfig, type DeliveryEffect, type DeliveryEvent, type DeliveryState, type PendingMessage, type Purpose, type TimerKey } from "./types";
import type { MessageDto } from "@/shared/dto";

export { INITIAL_DELIVERY_STATE };

export interface Step {
  state: DeliveryState;
  effects: DeliveryEffect[];
}

/** No answer, or no connection: the command may be tried again (a send with the same client id). */
const TRANSIENT = new Set(["TIMEOUT", "OFFLINE"]);
export const NOT_STORED_OFFLINE = "Not sent yet: no connection. It is sent by itself when the connection is back.";
export const SERVER_DID_NOT_ANSWER = "The server did not answer. Check your connection and try again.";
export const NOT_STORED_SLOW = "Not sent yet: the server has not answered. It is sent again by itself.";

/** NF-5: each of the sentences above by its catalog key, for the console and the widget to say it in the reader's language. */
export const DELIVERY_SENTENCE_KEYS: ReadonlyMap<string, "notStoredOffline" | "notStoredSlow" | "serverDidNotAnswer"> = new Map([
  [NOT_STORED_OFFLINE, "notStoredOffline"],
  [NOT_STORED_SLOW, "notStoredSlow"],
  [SERVER_DID_NOT_ANSWER, "serverDidNotAnswer"],
] as const);

export function step(state: DeliveryState, event: DeliveryEvent, now: number, config: DeliveryConfig = DEFAULT_CONFIG): Step {
  const run = new Run(state, now, config);
  run.handle(event);
  return { state: run.state, effects: run.effects };
}

/** How long a RATE_LIMITED answer asks to wait ("… Try again in 7 s."). */
export function retryAfterMs(message: string, fallbackMs: number): number {
  const match = /in (\d+) ?s\b/.exec(message);
  return match ? Number(match[1]) * 1_000 : fallbackMs;
}

class Run {
  readonly effects: DeliveryEffect[] = [];

  constructor(
    public state: DeliveryState,
    private readonly now: number,
    private readonly config: DeliveryConfig,
  ) {}

  handle(event: DeliveryEvent): void {
    switch (event.type) {
      case "connected":
        this.clearTimer("resend");
        this.clearTimer("resume");
        this.patch({ isOnline: true, inFlight: [], isSyncDue: false, isLoadingOlder: false, failures: 0 });
        this.resume();
        return this.pump();
      case "disconnected":
        this.clearTimer("resend");
        this.clearTimer("resume");
        return this.patch({ isOnline: false, inFlight: [], isSyncDue: false, isLoadingOlder: false });
      case "live":
        this.receive(event.messages);
        if (this.state.isLoaded && hasGap(this.state.messages, this.state.floorSeq)) this.requestSync();
        return;
      case "reply":
        return this.reply(event.requestId, event.ack);
      case "timer":
        if (event.key === "resume") return this.resume();
        if (event.key === "resend" || event.key === "rate_limit") return this.pump();
        return this.stalled(event.key.slice("stall:".length));
      case "send":
        if (this.find(event.clientId)) return;
        this.add({ ...this.newItem(event.clientId, event.preview), content: event.content, context: event.context ?? null, dropOnFailure: event.dropOnFailure ?? false });
        this.setTimer(`stall:${event.clientId}`, this.config.stallMs);
        return this.pump();
      case "upload_started":
        if (this.find(event.clientId)) return;
        return this.add({ ...this.newItem(event.clientId, event.preview), status: "uploading" });
      case "upload_progress":
        return this.update(event.clientId, (item) => (item.status === "uploading" ? { progress: Math.max(0, Math.min(1, event.progress)) } : {}));
      case "upload_done":
        if (!this.find(event.clientId)) return;
        this.update(event.clientId, () => ({ content: event.content, preview: event.preview, status: "sending", progress: 1, error: null }));
        this.setTimer(`stall:${event.clientId}`, this.config.stallMs);
        return this.pump();
      case "upload_failed":
        if (!this.find(event.clientId)) return;
        if (event.code === "RATE_LIMITED" || event.code === "FORBIDDEN") this.effects.push({ type: "notice", code: event.code, message: event.message });
        return this.update(event.clientId, () => ({ status: "failed", error: event.message, canRetry: event.canRetry, willResend: false }));
      case "retry":
        return this.retry(event.clientId);
      case "discard":
        return this.discard(event.clientId);
      case "load_older":
        return this.loadOlder();
    }
  }

  // ─── Reads: history, sync, older pages ────────────────────────────────────

  private resume(): void {
    if (!this.state.isOnline) return;
    if (!this.state.isLoaded) this.requestHistory();
    else this.requestSync();
  }

  private requestHistory(): void {
    if (this.isAwaiting("history")) return;
    this.command("history", { name: "conversation:history", input: { limit: this.config.historyPage } });
  }

  private requestSync(): void {
    if (!this.state.isOnline) return;
    // The first page is followed by a sync anyway; a running sync gets one more round.
    if (this.isAwaiting("history")) return;
    if (this.isAwaiting("sync")) return this.patch({ isSyncDue: true });
    this.command("sync", { name: "conversation:sync", input: { afterSeq: contiguousSeq(this.state.messages, this.state.floorSeq), limit: this.config.syncPage } });
  }

  private loadOlder(): void {
    const oldest = firstSeq(this.state.messages);
    if (!this.state.isOnline || this.state.isLoadingOlder || !this.state.hasMoreBefore || oldest === null) return;
    this.patch({ isLoadingOlder: true });
    this.command("older", { name: "conversation:history", input: { beforeSeq: oldest, limit: this.config.olderPage } });
  }

  private reply(requestId: number, ack: DeliveryAck): void {
    const request = this.state.inFlight.find((entry) => entry.id === requestId);
    if (!request) return; // Asked before a reconnect: whatever it says, a newer request covers it.
    this.patch({ inFlight: this.state.inFlight.filter((entry) => entry.id !== requestId) });
    if (request.purpose === "send") return this.sendAnswered(request.clientId!, ack);
    if (request.purpose === "older") this.patch({ isLoadingOlder: false });
    if (!ack.ok) return this.readFailed(request.purpose, ack.error);
    const page = ack.data as { messages: MessageDto[]; hasMore: boolean };
    this.patch({ loadError: null, failures: 0 });
    if (request.purpose !== "sync") {
      // A page sets the floor: the thread is whole above it. Anything held below it (a very late
      // live event) would leave a hole no older page fills, so it waits for the older pages.
      const first = page.messages[0];
      const floorSeq = page.hasMore && first ? first.seq - 1 : 0;
      this.patch({ isLoaded: true, hasMoreBefore: page.hasMore, floorSeq, messages: this.state.messages.filter((held) => held.seq > floorSeq) });
      this.receive(page.messages);
      // Live messages may have raced the first page: make sure nothing sits in between.
      if (request.purpose === "history") this.requestSync();
      return;
    }
    this.receive(page.messages);
    if (page.hasMore && page.messages.length > 0) return this.requestSync();
    if (this.state.isSyncDue) {
      this.patch({ isSyncDue: false });
      this.requestSync();
    }
  }

  private readFailed(purpose: Purpose, error: { code: string; message: string }): void {
    this.patch({ loadError: error.message });
    if (purpose === "older" || !this.state.isOnline) return;
    // A lost answer or a busy server: try again after a while (a reconnect tries at once).
    if (TRANSIENT.has(error.code) || error.code === "INTERNAL" || error.code === "RATE_LIMITED") {
      const delay = error.code === "RATE_LIMITED" ? retryAfterMs(error.message, this.config.rateLimitFallbackMs) : this.backoff();
      this.setTimer("resume", delay);
    }
  }

  /** Merges stored messages; a pending bubble whose client id is now stored is done. */
  private receive(incoming: MessageDto[]): void {
    // Below the floor only older pages add (see the page answer above).
    const messages = this.state.isLoaded ? incoming.filter((message) => message.seq > this.state.floorSeq) : incoming;
    const merged = mergeMessages(this.state.messages, messages);
    if (merged === this.state.messages) return;
    const stored = new Map(merged.filter((message) => message.clientId !== null).map((message) => [message.clientId!, message]));
    const done = this.state.pending.filter((item) => stored.has(item.clientId));
    this.patch({ messages: merged, pending: done.length > 0 ? this.state.pending.filter((item) => !stored.has(item.clientId)) : this.state.pending });
    for (const item of done) {
      this.clearTimer(`stall:${item.clientId}`);
      this.effects.push({ type: "settled", clientId: item.clientId, message: stored.get(item.clientId)!, error: null });
    }
  }

  // ─── The outbox ───────────────────────────────────────────────────────────

  /** Sends the first message due, if the link is up, nothing is in flight and no rate limit holds. */
  private pump(): void {
    if (!this.state.isOnline || this.isAwaiting("send")) return;
    const next = this.state.pending.find((item) => item.content !== null && (item.status === "sending" || item.willResend));
    if (!next) return;
    if (this.now < this.state.rateLimitedUntil) return this.setTimer("rate_limit", this.state.rateLimitedUntil - this.now);
    if (next.status !== "sending") {
      this.update(next.clientId, () => ({ status: "sending", error: null }));
      this.setTimer(`stall:${next.clientId}`, this.config.stallMs);
    }
    const input = { clientId: next.clientId, content: next.content!, ...(next.context ? { context: next.context } : {}) };
    this.command("send", { name: "message:send", input }, next.clientId);
  }

  private sendAnswered(clientId: string, ack: DeliveryAck): void {
    const item = this.find(clientId);
    if (ack.ok) {
      this.patch({ failures: 0 });
      this.receive([ack.data as MessageDto]);
      // The stored message may reveal that others were written meanwhile and not seen yet.
      if (this.state.isLoaded && hasGap(this.state.messages, this.state.floorSeq)) this.requestSync();
      return this.pump();
    }
    if (!item) return this.pump();
    const { code, message } = ack.error;
    if (item.dropOnFailure) {
      this.drop(clientId, message);
      return this.pump();
    }
    if (TRANSIENT.has(code)) {
      // Same client id again later: the server stores it once whatever happened to this try.
      this.update(clientId, () => ({ willResend: true }));
      if (!this.state.isOnline) return;
      this.setTimer("resend", this.backoff());
      // A TIMEOUT may hide a disconnect, and events missed with it (docs/realtime.md).
      return this.requestSync();
    }
    this.clearTimer(`stall:${clientId}`);
    if (code === "RATE_LIMITED") this.patch({ rateLimitedUntil: this.now + retryAfterMs(message, this.config.rateLimitFallbackMs) });
    if (code === "RATE_LIMITED" || code === "FORBIDDEN") this.effects.push({ type: "notice", code, message });
    this.update(clientId, () => ({ status: "failed", error: message, willResend: false, canRetry: code !== "FORBIDDEN" && code !== "BAD_INPUT" }));
    this.pump();
  }

  private stalled(clientId: string): void {
    const item = this.find(clientId);
    if (!item || item.status !== "sending") return;
    const reason = this.state.isOnline ? NOT_STORED_SLOW : NOT_STORED_OFFLINE;
    if (item.dropOnFailure) return this.drop(clientId, SERVER_DID_NOT_ANSWER);
    this.update(clientId, () => ({ status: "failed", error: reason, willResend: true, canRetry: true }));
  }

  private retry(clientId: string): void {
    const item = this.find(clientId);
    if (!item || item.status !== "failed") return;
    if (item.content === null) {
      this.update(clientId, () => ({ status: "uploading", progress: 0, error: null }));
      this.effects.push({ type: "upload", clientId });
      return;
    }
    this.update(clientId, () => ({ status: "sending", error: null, willResend: false }));
    this.setTimer(`stall:${clientId}`, this.config.stallMs);
    this.pump();
  }

  private discard(clientId: string): void {
    const item = this.find(clientId);
    if (!item) return;
    if (item.status === "uploading") this.effects.push({ type: "abort_upload", clientId });
    this.drop(clientId, "Removed.");
  }

  private drop(clientId: string, error: string): void {
    this.clearTimer(`stall:${clientId}`);
    this.patch({ pending: this.state.pending.filter((item) => item.clientId !== clientId) });
    this.effects.push({ type: "settled", clientId, message: null, error });
  }

  // ─── Helpers ──────────────────────────────────────────────────────────────

  private newItem(clientId: string, preview: PendingMessage["preview"]): PendingMessage {
    return { clientId, content: null, preview, status: "sending", progress: 0, error: null, canRetry: true, createdAt: new Date(this.now).toISOString(), context: null, willResend: false, dropOnFailure: false };
  }

  private command(purpose: Purpose, command: DeliveryCommand, clientId?: string): void {
    const id = this.state.nextRequestId;
    this.patch({ nextRequestId: id + 1, inFlight: [...this.state.inFlight, { id, purpose, ...(clientId ? { clientId } : {}) }] });
    this.effects.push({ type: "command", requestId: id, command });
  }

  private isAwaiting(purpose: Purpose): boolean {
    return this.state.inFlight.some((entry) => entry.purpose === purpose);
  }

  private backoff(): number {
    const delays = this.config.retryDelaysMs;
    const delay = delays[Math.min(this.state.failures, delays.length - 1)] ?? 1_000;
    this.patch({ failures: this.state.failures + 1 });
    return delay;
  }

  private find(clientId: string): PendingMessage | undefined {
    return this.state.pending.find((item) => item.clientId === clientId);
  }

  private add(item: PendingMessage): void {
    this.patch({ pending: [...this.state.pending, item] });
  }

  private update(clientId: string, change: (item: PendingMessage) => Partial<PendingMessage>): void {
    this.patch({ pending: this.state.pending.map((item) => (item.clientId === clientId ? { ...item, ...change(item) } : item)) });
  }

  private patch(patch: Partial<DeliveryState>): void {
    this.state = { ...this.state, ...patch };
  }

  private setTimer(key: TimerKey, ms: number): void {
    this.effects.push({ type: "set_timer", key, ms: Math.max(0, ms) });
  }

  private clearTimer(key: TimerKey): void {
    this.effects.push({ type: "clear_timer", key });
  }
}
