// The client side of the message-path benchmark: buyers' widget sockets send at a fixed total
// rate (open loop: a slow server does not slow the senders down, so queueing shows up in the
// latency), agents' console sockets record when each buyer message arrives. Every message body
// carries its send time; senders and receivers live in this one process, so the clock is shared.
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import { sleep } from "./child";

export interface Agent {
  id: string;
  socket: Socket;
}

export interface Buyer {
  id: string;
  /** The agent whose console must receive this buyer's messages. */
  agentId: string;
  socket: Socket;
}

export interface PhaseResult {
  rate: number;
  duration_s: number;
  sent: number;
  acked: number;
  failed: number;
  received: number;
  lost: number;
  duplicated: number;
  misrouted: number;
  out_of_order: number;
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  max_ms: number;
  /** Acknowledged messages per second, from the first send to the last acknowledgement. */
  ack_rate: number;
  send_lag_ms: number;
  firstFailures: string[];
  /** With translation on (SET-3): each message's translation, from its send to message.translated at its agent. */
  translation?: TranslationResult;
}

export interface TranslationResult {
  /** Messages whose translation arrived (status "done"). */
  done: number;
  /** Messages whose translation failed (the original stands). */
  failed: number;
  /** Received messages for which no message.translated arrived within the drain timeout. */
  missing: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

interface Sent {
  agentId: string;
  buyerIndex: number;
  acked: boolean;
}

const PREFIX = "bench|";

export function connectSocket(url: string, namespace: string, options: { auth?: Record<string, unknown>; cookie?: string }): Socket {
  return connect(`${url}${namespace}`, {
    auth: options.auth,
    extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
  });
}

/** Connects sockets a few at a time and waits for each one's ready event. */
export async function connectAll<T>(items: T[], open: (item: T) => Socket, readyEvent: string, timeoutMs = 20_000): Promise<Socket[]> {
  const sockets: Socket[] = new Array(items.length);
  const batch = 25;
  for (let start = 0; start < items.length; start += batch) {
    await Promise.all(items.slice(start, start + batch).map(async (item, offset) => {
      const socket = open(item);
      sockets[start + offset] = socket;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${readyEvent} within ${timeoutMs} ms`)), timeoutMs);
        socket.once(readyEvent, () => (clearTimeout(timer), resolve()));
        socket.once("connect_error", (error) => (clearTimeout(timer), reject(error)));
      });
    }));
  }
  return sockets;
}

export function sortedPercentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length);
  return sorted[rank - 1]!;
}

const r2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Listens on every agent socket. One receiver serves every phase: messages are told apart by the
 * phase tag in their body.
 */
export function createReceiver(agents: Agent[]) {
  let phase: string | null = null;
  let expected = new Map<string, Sent>();
  let firstReceipt = new Map<string, { at: number; agentId: string; latency: number }>();
  let copies = new Map<string, number>();
  let misrouted = 0;
  let outOfOrder = 0;
  let lastOrder = new Map<string, number>();
  let disconnects = 0;
  /** Message id → send time, for the phase's received messages; then their translations. */
  let sentAtById = new Map<string, number>();
  let translated = new Map<string, { latency: number; status: string }>();

  for (const agent of agents) {
    agent.socket.on("disconnect", () => (disconnects += 1));
    agent.socket.on("message.created", (event: { conversationId: string; message: { id: string; seq?: number; body: string } }) => {
      const at = performance.now();
      const body = event.message.body;
      if (!body.startsWith(PREFIX)) return;
      const [, tag, key, sentAt] = body.split("|");
      if (tag !== phase || !key || !sentAt) return;
      const sent = expected.get(key);
      if (!sent) return;
      if (sent.agentId !== agent.id) {
        misrouted += 1;
        return;
      }
      const copyKey = `${agent.id}|${key}`;
      copies.set(copyKey, (copies.get(copyKey) ?? 0) + 1);
      if (!firstReceipt.has(key)) firstReceipt.set(key, { at, agentId: agent.id, latency: at - Number(sentAt) });
      sentAtById.set(event.message.id, Number(sentAt));
      // CHAT-3 "in order": per conversation, what arrives never goes back in sequence number
      // (the baseline has no sequence numbers: its bigserial id stands in).
      const order = typeof event.message.seq === "number" ? event.message.seq : Number(event.message.id);
      const previous = lastOrder.get(event.conversationId);
      if (previous !== undefined && order < previous) outOfOrder += 1;
      else lastOrder.set(event.conversationId, order);
    });
    agent.socket.on("message.translated", (event: { translation: { messageId: string; status: string } }) => {
      const at = performance.now();
      const sentAt = sentAtById.get(event.translation.messageId);
      if (sentAt === undefined || translated.has(event.translation.messageId)) return;
      translated.set(event.translation.messageId, { latency: at - sentAt, status: event.translation.status });
    });
  }

  return {
    get disconnects() {
      return disconnects;
    },
    async runPhase(input: {
      tag: string; buyers: Buyer[]; rate: number; durationS: number; ackTimeoutMs: number; drainTimeoutMs: number; clientIdPrefix: string;
      /** Text after the body's tag and send time (e.g. a sentence in the buyer's language). */
      bodySuffix?: string;
      /** Wait for (and report) each received message's translation. */
      expectTranslations?: boolean;
    }): Promise<PhaseResult> {
      phase = input.tag;
      sentAtById = new Map();
      translated = new Map();
      expected = new Map();
      firstReceipt = new Map();
      copies = new Map();
      misrouted = 0;
      outOfOrder = 0;
      lastOrder = new Map();
      const total = Math.round(input.rate * input.durationS);
      const acks: Array<Promise<void>> = [];
      let acked = 0;
      let failed = 0;
      let lastAckAt = 0;
      let maxLag = 0;
      const firstFailures: string[] = [];
      const fail = (reason: string) => {
        failed += 1;
        if (firstFailures.length < 5) firstFailures.push(reason);
      };

      const start = performance.now();
      let index = 0;
      // Bounded by count (total) and by time: the loop ends when every message is due.
      while (index < total) {
        const now = performance.now();
        const due = Math.min(total, Math.floor(((now - start) * input.rate) / 1000) + 1);
        for (; index < due; index += 1) {
          const buyerIndex = index % input.buyers.length;
          const buyer = input.buyers[buyerIndex]!;
          const key = String(index);
          const sentAt = performance.now();
          maxLag = Math.max(maxLag, sentAt - (start + (index * 1000) / input.rate));
          const record: Sent = { agentId: buyer.agentId, buyerIndex, acked: false };
          expected.set(key, record);
          const payload = { clientId: `${input.clientIdPrefix}_${index}`, content: { kind: "text", body: `${PREFIX}${input.tag}|${key}|${sentAt.toFixed(3)}${input.bodySuffix ? `|${input.bodySuffix}` : ""}` } };
          acks.push(
            (buyer.socket.timeout(input.ackTimeoutMs).emitWithAck("message:send", payload) as Promise<{ ok: boolean; error?: { code: string; message: string } }>)
              .then((reply) => {
                lastAckAt = performance.now();
                if (reply.ok) {
                  record.acked = true;
                  acked += 1;
                } else fail(`${reply.error?.code}: ${reply.error?.message}`);
              })
              .catch((error: Error) => fail(error.message)),
          );
        }
        await sleep(1);
      }
      const sendEnded = performance.now();
      await Promise.all(acks);
      // Wait for the consoles to receive every acknowledged message, bounded in time.
      const drainUntil = performance.now() + input.drainTimeoutMs;
      const receivedAcked = () => {
        let count = 0;
        for (const [key, sent] of expected) if (sent.acked && firstReceipt.has(key)) count += 1;
        return count;
      };
      while (receivedAcked() < acked && performance.now() < drainUntil) await sleep(25);
      if (input.expectTranslations) while (translated.size < sentAtById.size && performance.now() < drainUntil) await sleep(25);
      // Late duplicates: give stragglers a moment to show themselves.
      await sleep(200);

      const latencies = [...firstReceipt.values()].map((receipt) => receipt.latency).sort((a, b) => a - b);
      let duplicated = 0;
      for (const count of copies.values()) if (count > 1) duplicated += count - 1;
      const received = receivedAcked();
      phase = null;
      return {
        rate: input.rate,
        duration_s: r2((sendEnded - start) / 1000),
        sent: total,
        acked,
        failed,
        received,
        lost: acked - received,
        duplicated,
        misrouted,
        out_of_order: outOfOrder,
        p50_ms: r2(sortedPercentile(latencies, 50)),
        p90_ms: r2(sortedPercentile(latencies, 90)),
        p99_ms: r2(sortedPercentile(latencies, 99)),
        max_ms: r2(latencies.at(-1) ?? Number.NaN),
        ack_rate: r2(acked / (Math.max(lastAckAt - start, 1) / 1000)),
        send_lag_ms: r2(maxLag),
        firstFailures,
        ...(input.expectTranslations ? { translation: translationResult([...translated.values()], sentAtById.size) } : {}),
      };
    },
  };
}

function translationResult(arrived: Array<{ latency: number; status: string }>, received: number): TranslationResult {
  const latencies = arrived.filter((item) => item.status === "done").map((item) => item.latency).sort((a, b) => a - b);
  return {
    done: latencies.length,
    failed: arrived.length - latencies.length,
    missing: received - arrived.length,
    p50_ms: r2(sortedPercentile(latencies, 50)),
    p95_ms: r2(sortedPercentile(latencies, 95)),
    p99_ms: r2(sortedPercentile(latencies, 99)),
    max_ms: r2(latencies.at(-1) ?? Number.NaN),
  };
}
