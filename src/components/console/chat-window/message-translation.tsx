"use client";

// SET-3: a message's translation in the chat window. A buyer's message shows its translation
// into the agent's language, with the original one click away; an agent's or the bot's shows what
// was written, with the translation the buyer received one click away. A failed translation
// leaves the original with a note and a Retry.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";
import { useChatTexts, type CodedError } from "./chat-texts";

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
  onRetry?(messageId: string): Promise<CodedError | null>;
}) {
  const { message, translation } = props;
  const t = useTranslations("chat.translation");
  const { language: languageName, errorText } = useChatTexts();
  const [retry, setRetry] = useState<{ busy: boolean; error: CodedError | null }>({ busy: false, error: null });
  const isIncoming = message.authorType === "buyer";
  if (translation.status === "failed") {
    return (
      <p className="mt-0.5 flex flex-wrap items-center gap-1.5 px-1 text-[11px] text-amber-700" data-testid="translation-failed">
        <span>{t("notTranslated", { reason: translation.failure && t.has(`failures.${translation.failure}`) ? t(`failures.${translation.failure}`) : t("failedGeneric") })}</span>
        {props.onRetry && (
          <button type="button" disabled={retry.busy} data-testid="translation-retry"
            onClick={async () => {
              setRetry({ busy: true, error: null });
              const error = await props.onRetry!(message.id);
              setRetry({ busy: false, error });
            }}
            className="rounded px-1 font-semibold underline underline-offset-2 hover:bg-amber-50">
            {t("retry")}
          </button>
        )}
        {retry.error && <span role="alert" className="text-red-700">{errorText(retry.error, t("retryFailed"))}</span>}
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
          ? props.showOriginal ? t("showTranslation", { language: to }) : t("translatedFrom", { language: from })
          : props.showOriginal ? t("hideBuyerView") : t("sentIn", { language: to })}
      </button>
      {!isIncoming && props.showOriginal && (
        <p className="mt-0.5 whitespace-pre-wrap break-words text-xs text-slate-700" data-testid="translation-text" lang={translation.language}>{translation.text}</p>
      )}
    </div>
  );
}
