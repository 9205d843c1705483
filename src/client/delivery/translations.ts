// SET-3: translations beside the delivered messages. Messages never change once stored
// (docs/realtime.md "Merge"), so a message's translation is kept apart, keyed by message id, fed by
// message.translated events and by the `translations` of conversation:history and :sync pages.
// The delivery machine is untouched: the transport hands it the page as before.
import type { MessageTranslationDto } from "@/shared/dto";
import type { DeliveryTransport } from "./client";

/** Wraps a transport so every page's translations are handed to `onTranslations` as they arrive. */
export function tapTranslations(transport: DeliveryTransport, onTranslations: (translations: MessageTranslationDto[]) => void): DeliveryTransport {
  return {
    async send(command, timeoutMs) {
      const ack = await transport.send(command, timeoutMs);
      if (ack.ok && (command.name === "conversation:history" || command.name === "conversation:sync")) {
        const translations = (ack.data as { translations?: MessageTranslationDto[] } | null)?.translations;
        if (translations?.length) onTranslations(translations);
      }
      return ack;
    },
  };
}

/**
 * The translations to show per message: one per message id, the newest state of it (a retry's
 * success replaces its failure). `accept` chooses which a view shows (the widget: messages sent
 * to the buyer only).
 */
export function mergeTranslations(
  current: ReadonlyMap<string, MessageTranslationDto>,
  incoming: readonly MessageTranslationDto[],
  accept: (translation: MessageTranslationDto) => boolean = () => true,
): ReadonlyMap<string, MessageTranslationDto> {
  let next: Map<string, MessageTranslationDto> | null = null;
  for (const translation of incoming) {
    if (!accept(translation)) continue;
    const held = (next ?? current).get(translation.messageId);
    // A done translation is not replaced by an older failure arriving late (a page overlapping an event).
    if (held && held.status === "done" && translation.status === "failed" && held.createdAt >= translation.createdAt) continue;
    if (held && held.status === translation.status && held.text === translation.text) continue;
    next ??= new Map(current);
    next.set(translation.messageId, translation);
  }
  return next ?? current;
}
