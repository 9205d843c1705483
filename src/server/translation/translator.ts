// SET-3, issue 13 item 3: the process's translator. The message path only hands it jobs after the
// message committed and was published (apply-service-result.ts); it runs them off the request
// path through a bounded queue (bounded-queue.ts: a concurrency limit, one conversation at a time,
// a cap on what waits) and publishes each result as message.translated. Nothing here can delay,
// fail or change a message's delivery.
import type { Database } from "@/server/db/client";
import { publishEvents } from "@/server/services/apply-service-result";
import { translateMessage } from "@/server/services/translation/translate-message";
import { createBoundedQueue } from "./bounded-queue";
import type { ResilientEngine } from "./resilient-engine";
import type { TranslationJob, Translator } from "./translator-registry";

export interface TranslatorOptions {
  /** Translations running at once in this process. */
  concurrency: number;
  /** Translations waiting, beyond which new ones are dropped (and logged). */
  maxPending: number;
  log?: (message: string, error?: unknown) => void;
}

export const DEFAULT_TRANSLATOR_OPTIONS: TranslatorOptions = { concurrency: 4, maxPending: 1_000 };

export function createTranslator(db: Database, engine: ResilientEngine, options: TranslatorOptions = DEFAULT_TRANSLATOR_OPTIONS): Translator {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ""));
  const queue = createBoundedQueue({ concurrency: options.concurrency, maxPending: options.maxPending, onError: (error) => log("SET-3: a translation failed to run", error) });
  return {
    engine,
    schedule(job: TranslationJob) {
      const taken = queue.push(job.conversationId, async () => {
        const result = await translateMessage(db, { engine, job });
        publishEvents(result.events);
      });
      if (!taken) log(`SET-3: the translation queue is full (${options.maxPending}); message ${job.messageId} is not translated (a member can retry)`);
      return taken;
    },
    idle: () => queue.idle(),
  };
}
