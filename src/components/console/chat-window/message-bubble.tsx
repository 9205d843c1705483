"use client";

// One message in the chat window, per kind (CHAT-2): text (escaped by React, line breaks kept,
// emoji), image (click to enlarge), video (player controls), product / order / voucher cards,
// system notes centered and muted; bot and automatic messages are marked "Automatic"; the
// agent's messages say "Read" once the buyer's read mark passes them (CHAT-4).
import { Fragment, type ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { readHandoverSummary } from "@/core/automation/chatbot";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";
import { useSystemNoteText } from "@/components/i18n/use-system-note-text";
import { useChatTexts, type CodedError } from "./chat-texts";
import { TranslationLine, useTranslatedBody } from "./message-translation";
import type { OrderCardPayload, ProductCardPayload, VoucherCardPayload } from "./conversation-types";
import { formatTime } from "./format";
import { OrderCard, ProductCard, VoucherCard } from "./message-cards";
import type { PendingMessage } from "@/client/delivery/types";

interface MediaPayload {
  url: string;
  mimeType?: string;
  fileName?: string;
}


const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g;
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\s)+$/u;

/** Links become anchors; everything else stays text that React escapes. */
function linkify(text: string, isOnDark: boolean): ReactNode[] {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} target="_blank" rel="noopener noreferrer" className={`underline underline-offset-2 ${isOnDark ? "text-white" : "text-brand-600"}`}>
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

function isEmojiOnly(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && [...trimmed].length <= 8 && EMOJI_ONLY.test(trimmed) && /\p{Extended_Pictographic}/u.test(trimmed);
}

export function SystemNote({ message }: { message: MessageDto }) {
  // AUTO-5: the chatbot's hand-over note carries what the buyer asked, for the agent only.
  const handover = readHandoverSummary(message.payload);
  const t = useTranslations("chat.bubble");
  const locale = useLocale();
  const systemNote = useSystemNoteText();
  return (
    <div className="my-2 flex flex-col items-center" data-testid="system-note" data-seq={message.seq}>
      <p className="max-w-[80%] rounded-full bg-slate-200/70 px-3 py-1 text-center text-xs text-slate-600">
        {systemNote(message)}
        <span className="ml-2 text-slate-500">{formatTime(message.createdAt, locale)}</span>
      </p>
      {handover && handover.asked.length > 0 && (
        <div className="mt-1 max-w-[80%] rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700" data-testid="handover-summary">
          <p className="font-medium">{t("handoverAsked")}</p>
          <ul className="list-disc pl-4">
            {handover.asked.map((question, index) => <li key={index}>{question}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}

function CardPlaceholder({ label }: { label: string }) {
  return <div className="w-56 rounded-xl border border-dashed border-slate-300 bg-white px-3 py-4 text-center text-sm text-slate-500">{label}</div>;
}

interface BubbleBodyProps {
  kind: MessageDto["kind"];
  body: string;
  payload: Record<string, unknown> | null;
  isShopSide: boolean;
  isAutomatic?: boolean;
  onOpenImage(image: { url: string; alt: string }): void;
}

function BubbleBody({ kind, body, payload, isShopSide, isAutomatic = false, onOpenImage }: BubbleBodyProps) {
  const t = useTranslations("chat.bubble");
  const textTone = isAutomatic ? "bg-violet-50 text-slate-900 ring-1 ring-violet-100" : isShopSide ? "bg-brand-600 text-white" : "bg-white text-slate-900 ring-1 ring-slate-200";
  switch (kind) {
    case "text":
      if (isEmojiOnly(body)) return <p className="text-4xl leading-tight">{body}</p>;
      return (
        <div className={`rounded-2xl px-3.5 py-2 text-sm leading-relaxed shadow-sm ${textTone} ${isShopSide ? "rounded-br-md" : "rounded-bl-md"}`}>
          <p className="whitespace-pre-wrap break-words">{linkify(body, isShopSide && !isAutomatic)}</p>
        </div>
      );
    case "image": {
      const media = payload as MediaPayload | null;
      if (!media?.url) return <p className="text-sm italic text-slate-500">{t("imageUnavailable")}</p>;
      const alt = media.fileName ? t("imageNamed", { name: media.fileName }) : t("image");
      const enlarge = media.fileName ? t("enlargeNamed", { name: media.fileName.toLowerCase() }) : t("enlarge");
      return (
        <button type="button" onClick={() => onOpenImage({ url: media.url, alt })} aria-label={enlarge}
          className="block overflow-hidden rounded-2xl ring-1 ring-slate-200 transition hover:opacity-95">
          <img src={media.url} alt={alt} className="max-h-64 max-w-[16rem] object-cover" loading="lazy" />
        </button>
      );
    }
    case "video": {
      const media = payload as MediaPayload | null;
      if (!media?.url) return <p className="text-sm italic text-slate-500">{t("videoUnavailable")}</p>;
      return (
        <video controls preload="metadata" className="max-h-72 max-w-[20rem] rounded-2xl bg-black ring-1 ring-slate-200" aria-label={media.fileName ? t("videoNamed", { name: media.fileName }) : t("video")}>
          <source src={media.url} type={media.mimeType} />
        </video>
      );
    }
    case "product_card":
      return payload ? <ProductCard product={payload as unknown as ProductCardPayload} /> : <CardPlaceholder label={body} />;
    case "order_card":
      return payload ? <OrderCard order={payload as unknown as OrderCardPayload} /> : <CardPlaceholder label={body} />;
    case "voucher_card":
      return payload ? <VoucherCard voucher={payload as unknown as VoucherCardPayload} /> : <CardPlaceholder label={body} />;
    case "system":
      return <p className="text-sm">{body}</p>;
  }
}

export interface MessageBubbleProps {
  message: MessageDto;
  isReadByBuyer: boolean;
  buyerNickname: string;
  /** Groups consecutive messages of one author: the name shows once. */
  isFirstOfGroup: boolean;
  onOpenImage(image: { url: string; alt: string }): void;
  /** SET-3: the message's translation, when there is one. */
  translation?: MessageTranslationDto;
  onRetryTranslation?(messageId: string): Promise<CodedError | null>;
}

export function MessageBubble(props: MessageBubbleProps) {
  if (props.message.kind === "system" || props.message.authorType === "system") return <SystemNote message={props.message} />;
  return <PersonBubble {...props} />;
}

function PersonBubble({ message, isReadByBuyer, buyerNickname, isFirstOfGroup, onOpenImage, translation, onRetryTranslation }: MessageBubbleProps) {
  const translated = useTranslatedBody(message, translation);
  const t = useTranslations("chat.bubble");
  const locale = useLocale();
  const isShopSide = message.authorType !== "buyer";
  const isAutomatic = message.authorType === "bot" || message.isAutomatic;
  const authorName = message.authorType === "buyer" ? buyerNickname : message.authorType === "bot" ? t("bot") : (message.author?.nickname ?? t("agent"));
  const caption = message.body && (message.kind === "image" || message.kind === "video") ? message.body : null;
  return (
    <div
      className={`flex ${isShopSide ? "justify-end" : "justify-start"} ${isFirstOfGroup ? "mt-3" : "mt-1"}`}
      data-testid="message"
      data-seq={message.seq}
      data-author={message.authorType}
      data-kind={message.kind}
    >
      <div className={`flex max-w-[75%] flex-col ${isShopSide ? "items-end" : "items-start"}`}>
        {isFirstOfGroup && <span className="mb-1 px-1 text-xs font-medium text-slate-500">{authorName}</span>}
        <div lang={translated.body !== message.body ? translation?.language : undefined} className="contents">
          <BubbleBody kind={message.kind} body={message.kind === "text" ? translated.body : message.body} payload={message.payload} isShopSide={isShopSide} isAutomatic={isAutomatic} onOpenImage={onOpenImage} />
        </div>
        {caption && <p className="mt-1 max-w-[16rem] whitespace-pre-wrap break-words px-1 text-sm text-slate-700">{translated.body !== message.body ? translated.body : caption}</p>}
        {translation && <TranslationLine message={message} translation={translation} showOriginal={translated.showOriginal} onToggle={translated.toggle} onRetry={onRetryTranslation} />}
        <p className="mt-0.5 flex items-center gap-1.5 px-1 text-[11px] text-slate-500">
          {isAutomatic && <span className="rounded bg-violet-100 px-1.5 py-px font-medium text-violet-700">{t("automatic")}</span>}
          <time dateTime={message.createdAt}>{formatTime(message.createdAt, locale)}</time>
          {message.authorType === "agent" && (
            <span data-testid="read-state" className={isReadByBuyer ? "font-medium text-brand-600" : ""}>· {isReadByBuyer ? t("read") : t("sent")}</span>
          )}
        </p>
      </div>
    </div>
  );
}

export interface PendingBubbleProps {
  pending: PendingMessage;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
}

export function PendingBubble({ pending, onRetry, onDiscard }: PendingBubbleProps) {
  const isFailed = pending.status === "failed";
  const t = useTranslations("chat.bubble");
  const { deliveryText } = useChatTexts();
  return (
    <div className="mt-1 flex justify-end" data-testid="pending-message" data-status={pending.status} data-client-id={pending.clientId}>
      <div className="flex max-w-[75%] flex-col items-end">
        <div className={isFailed ? "opacity-80" : "opacity-70"}>
          {pending.preview.kind === "image" || pending.preview.kind === "video" ? (
            <div className="relative overflow-hidden rounded-2xl ring-1 ring-slate-200">
              {pending.preview.kind === "image" ? (
                <img src={pending.preview.objectUrl ?? undefined} alt="" className="max-h-64 max-w-[16rem] object-cover" />
              ) : (
                <video src={pending.preview.objectUrl ?? undefined} muted className="max-h-64 max-w-[16rem] bg-black" />
              )}
              {pending.status === "uploading" && (
                <div className="absolute inset-x-0 bottom-0 bg-slate-900/60 px-2 py-1.5">
                  <div role="progressbar" aria-label={t("uploadingLabel", { name: pending.preview.fileName })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pending.progress * 100)}
                    className="h-1.5 overflow-hidden rounded-full bg-white/30">
                    <div className="h-full rounded-full bg-white transition-[width]" style={{ width: `${Math.round(pending.progress * 100)}%` }} />
                  </div>
                </div>
              )}
            </div>
          ) : pending.content ? (
            <BubbleBody
              kind={pending.content.kind}
              body={pending.content.kind === "text" ? pending.content.body : t(`pending.${pending.content.kind}`)}
              payload={null}
              isShopSide
              onOpenImage={() => undefined}
            />
          ) : null}
        </div>
        <p className="mt-0.5 flex items-center gap-1.5 px-1 text-[11px]">
          {isFailed ? (
            <span role="alert" className="flex flex-wrap items-center justify-end gap-1.5 text-red-600">
              <span>{pending.error ? t("failedWith", { error: deliveryText(pending.error) }) : t("failed")}</span>
              <button type="button" onClick={() => onRetry(pending.clientId)} className="rounded px-1 font-semibold text-red-700 underline underline-offset-2 hover:bg-red-50">
                {t("retry")}
              </button>
              <button type="button" onClick={() => onDiscard(pending.clientId)} className="rounded px-1 text-slate-500 hover:bg-slate-100">
                {t("remove")}
              </button>
            </span>
          ) : pending.status === "uploading" ? (
            <span className="text-slate-500">{t("uploading", { percent: Math.round(pending.progress * 100) })}</span>
          ) : (
            <span className="text-slate-500">{t("sending")}</span>
          )}
        </p>
      </div>
    </div>
  );
}
