"use client";

// SET-3: a message's translation in the chat window. A buyer's message shows its translation
// into the agent's language, with the original one click away; an agent's or the bot's shows what
// was written, with the translation the buyer received one click away. A failed translation
// leaves the original with a note and a Retry.
import { useState } from "react";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";
import { languageName } from "@/shared/translation";

const FAILURE_TEXT: Record<string, string> = {
  unavailable: "the translation engine did not answer",
  circuit_open: "the translation engine is failing",
  unsupported_pair: "this pair of languages is not available",
  bad_response: "the translation engine gave no translation",
};

/** The text a bubble shows: the translation of a buyer's message unless the original is asked for. */
export function useTranslatedBody(message: MessageDto, translation: MessageTranslationDto | undefined) {
  const [showOriginal, setShowOriginal] = useState(false);
  const isIncoming = message.authorType === "buyer";
  const isTranslated = translation?.status === "done" && translation.text !== null;
  const body = isIncoming && isTranslated && !showOriginal ? translation.text! : message.body;
  return { body, showOriginal, toggle: () => setShowOriginal((value) => !value) };
}

export function TranslationLine(props: {
  message: MessageDto;
  translation: MessageTranslationDto;
  showOriginal: boolean;
  onToggle(): void;
  onRetry?(messageId: string): Promise<string | null>;
}) {
  const { message, translation } = props;
  const [retry, setRetry] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const isIncoming = message.authorType === "buyer";
  if (translation.status === "failed") {
    return (
      <p className="mt-0.5 flex flex-wrap items-center gap-1.5 px-1 text-[11px] text-amber-700" data-testid="translation-failed">
        <span>Not translated: {FAILURE_TEXT[translation.failure ?? ""] ?? "the translation failed"}. The original stands.</span>
        {props.onRetry && (
          <button type="button" disabled={retry.busy} data-testid="translation-retry"
            onClick={async () => {
              setRetry({ busy: true, error: null });
              const error = await props.onRetry!(message.id);
              setRetry({ busy: false, error });
            }}
            className="rounded px-1 font-semibold underline underline-offset-2 hover:bg-amber-50">
            Retry translation
          </button>
        )}
        {retry.error && <span role="alert" className="text-red-700">{retry.error}</span>}
      </p>
    );
  }
  const from = languageName(translation.from);
  const to = languageName(translation.language);
  return (
    <div className="mt-0.5 max-w-full px-1 text-[11px] text-slate-500" data-testid="translation" data-language={translation.language}>
      <button type="button" onClick={props.onToggle} aria-expanded={props.showOriginal} data-testid="translation-toggle"
        className="rounded underline underline-offset-2 hover:text-slate-700">
        {isIncoming
          ? props.showOriginal ? `Show the ${to} translation` : `Translated from ${from} · Show original`
          : props.showOriginal ? `Hide what the buyer sees` : `Sent to the buyer in ${to} · Show`}
      </button>
      {!isIncoming && props.showOriginal && (
        <p className="mt-0.5 whitespace-pre-wrap break-words text-xs text-slate-700" data-testid="translation-text" lang={translation.language}>{translation.text}</p>
      )}
    </div>
  );
}
