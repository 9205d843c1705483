// SET-3, issue 13 item 1: every translation engine behind one interface, so the product never
// knows which one a deployment runs. Engines take and return ISO 639-1 codes ("en", "es").
import type { LanguageCode, LanguagePair } from "@/core/translation/languages";

export interface TranslateOptions {
  /** Aborts the call (a timeout, or the caller giving up). */
  signal?: AbortSignal;
}

export interface TranslationEngine {
  /** For logs and the status the console shows ("apertium", "libretranslate"). */
  readonly name: string;
  /** One translation per text, in order. */
  translate(texts: readonly string[], from: LanguageCode, to: LanguageCode, options?: TranslateOptions): Promise<string[]>;
  /** The pairs the engine can translate. */
  languages(options?: TranslateOptions): Promise<LanguagePair[]>;
}

export type TranslationFailure =
  /** The engine cannot be reached, timed out or answered 5xx: worth retrying later. */
  | "unavailable"
  /** The engine does not translate this pair: retrying will not help. */
  | "unsupported_pair"
  /** The engine answered something this adapter cannot read. */
  | "bad_response"
  /** The circuit breaker is open: the engine was not asked. */
  | "circuit_open";

export class TranslationError extends Error {
  constructor(
    readonly failure: TranslationFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TranslationError";
  }

  /** Whether asking again (after a pause) may succeed. */
  get retryable(): boolean {
    return this.failure === "unavailable";
  }
}

/** fetch with the engine's failures mapped to TranslationError (network errors and 5xx: unavailable). */
export async function fetchEngine(url: string | URL, init: RequestInit, engine: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new TranslationError("unavailable", `${engine} could not be reached: ${(error as Error).message}`, { cause: error });
  }
  if (response.status >= 500 || response.status === 429) {
    throw new TranslationError("unavailable", `${engine} answered HTTP ${response.status}`);
  }
  return response;
}
