// SET-3, issue 13 item 1: what stands between the product and a real engine. Each call has a
// timeout; a call that failed for a reason worth retrying (unreachable, 5xx, timeout) is retried
// with jittered exponential backoff; an engine that keeps failing is left alone by the circuit
// breaker for a while; and every (text, from, to) translated once is answered from memory.
// Callers never wait on an engine in the delivery path (issue 13 item 3); this only bounds how
// long a translation can take to arrive, or to fail.
import { LRUCache } from "lru-cache";
import { CLOSED, beginCall, endCall, type CircuitBreakerOptions, type CircuitState } from "@/core/translation/circuit-breaker";
import type { LanguageCode, LanguagePair } from "@/core/translation/languages";
import { retryDelays, type RetryOptions } from "@/core/translation/retry-delays";
import { TranslationError, type TranslateOptions, type TranslationEngine } from "./engine";

export interface ResilienceOptions {
  /** Per attempt. */
  timeoutMs: number;
  retry: RetryOptions;
  breaker: CircuitBreakerOptions;
  /** Translations kept in memory, per process. */
  cacheEntries: number;
  /** How long the engine's list of pairs is trusted. */
  languagesTtlMs: number;
  now?: () => number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  timeoutMs: 5_000,
  retry: { retries: 2, baseMs: 250, maxMs: 2_000 },
  breaker: { failureThreshold: 5, openMs: 30_000 },
  cacheEntries: 10_000,
  languagesTtlMs: 5 * 60_000,
};

export interface ResilientEngine extends TranslationEngine {
  /** The breaker's state, for the status the console shows and for tests. */
  circuit(): CircuitState["kind"];
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export function withResilience(engine: TranslationEngine, options: ResilienceOptions = DEFAULT_RESILIENCE): ResilientEngine {
  const now = options.now ?? Date.now;
  let circuit: CircuitState = CLOSED;
  const cache = new LRUCache<string, string>({ max: options.cacheEntries });
  let languages: { pairs: LanguagePair[]; at: number } | null = null;
  const keyOf = (text: string, from: string, to: string) => `${from}\u0000${to}\u0000${text}`;

  /** One attempt through the breaker, bounded by the timeout. */
  async function attempt<T>(call: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    const started = beginCall(circuit, now(), options.breaker);
    circuit = started.state;
    if (!started.allowed) throw new TranslationError("circuit_open", `${engine.name} is failing; not asked again for a while`);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      const result = await call(signal);
      circuit = endCall(circuit, "success", now(), options.breaker);
      return result;
    } catch (error) {
      const failure = error instanceof TranslationError ? error : new TranslationError("unavailable", `${engine.name}: ${(error as Error).message}`, { cause: error });
      // A pair the engine does not have says nothing about the engine's health.
      circuit = endCall(circuit, failure.failure === "unsupported_pair" ? "success" : "failure", now(), options.breaker);
      if (timeout.aborted && !callerSignal?.aborted) throw new TranslationError("unavailable", `${engine.name} did not answer within ${options.timeoutMs} ms`, { cause: error });
      throw failure;
    }
  }

  async function withRetries<T>(call: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    const delays = retryDelays(options.retry);
    for (let tries = 0; ; tries += 1) {
      try {
        return await attempt(call, callerSignal);
      } catch (error) {
        const retryable = error instanceof TranslationError && error.retryable;
        if (!retryable || tries >= delays.length || callerSignal?.aborted) throw error;
        await sleep(delays[tries]!, callerSignal);
      }
    }
  }

  return {
    name: engine.name,
    circuit: () => circuit.kind,
    async translate(texts: readonly string[], from: LanguageCode, to: LanguageCode, callOptions: TranslateOptions = {}) {
      if (from === to) return [...texts];
      const results = texts.map((text) => cache.get(keyOf(text, from, to)));
      const missing = [...new Set(texts.filter((_text, index) => results[index] === undefined))];
      if (missing.length > 0) {
        const translated = await withRetries((signal) => engine.translate(missing, from, to, { signal }), callOptions.signal);
        missing.forEach((text, index) => cache.set(keyOf(text, from, to), translated[index]!));
      }
      return texts.map((text, index) => results[index] ?? cache.get(keyOf(text, from, to))!);
    },
    async languages(callOptions: TranslateOptions = {}) {
      if (languages && now() - languages.at < options.languagesTtlMs) return languages.pairs;
      const pairs = await withRetries((signal) => engine.languages({ signal }), callOptions.signal);
      languages = { pairs, at: now() };
      return pairs;
    },
  };
}
