// NF-5: a system note in the reader's language (the console's member, the widget's buyer). The
// product's own notes are rebuilt from their facts (src/core/messaging/system-note.ts); any
// other note is shown as stored.
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { systemNotePhrase } from "@/core/messaging/system-note";
import type { MessageDto } from "@/shared/dto";

export function useSystemNoteText(): (message: Pick<MessageDto, "body" | "payload">) => string {
  const t = useTranslations("common.systemNotes");
  return useCallback((message) => {
    const phrase = systemNotePhrase(message);
    if (!phrase) return message.body;
    const name = (nickname: string | null | undefined) => nickname ?? t("someone");
    return t(phrase.key, { actor: name(phrase.names.actor), from: name(phrase.names.from), to: name(phrase.names.to) });
  }, [t]);
}
