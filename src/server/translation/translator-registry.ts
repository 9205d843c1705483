// SET-3: the process's translator, registered by server.ts (or a test) when an engine is
// configured. Kept on globalThis because the custom server and Next.js's bundles load separate
// copies of this module (as src/server/realtime/registry.ts). No translator: translation is off.
import type { ResilientEngine } from "./resilient-engine";

export interface TranslationJob {
  messageId: string;
  conversationId: string;
  /** The console rooms that heard the message (its message.created); null: the chat's audience now. */
  rooms: string[] | null;
  /** The buyer whose widgets heard it, for outgoing messages. */
  buyerId: string | null;
  /** The member who asked again (translation:retry): their consoles hear the result too. */
  requestedBy?: string;
}

export interface Translator {
  readonly engine: ResilientEngine;
  /** Queues a translation; false when the queue is full. Never waits for the engine. */
  schedule(job: TranslationJob): boolean;
  /** Resolves once every queued translation finished (tests, shutdown). */
  idle(): Promise<void>;
}

const registry = globalThis as unknown as { __counterpartTranslator?: Translator };

export function registerTranslator(translator: Translator | undefined): void {
  registry.__counterpartTranslator = translator;
}

export function getTranslator(): Translator | undefined {
  return registry.__counterpartTranslator;
}
