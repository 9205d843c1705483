"use client";

// The message history (CONSOLE-6): scrolls upwards forever (older pages load as the top comes
// into view, with the reading position kept), stays pinned to the bottom while the agent is
// there, and offers a "new messages" jump when they scrolled up.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MessageDto } from "@/shared/dto";
import { dayKey, dayLabel } from "./format";
import { MessageBubble, PendingBubble } from "./message-bubble";
import { useChatTexts, type CodedError } from "./chat-texts";
import { Modal } from "./modal";
import type { ThreadView } from "./use-thread";

export interface MessageListProps {
  thread: ThreadView;
  buyerNickname: string;
  isLoadingOlder: boolean;
  isBuyerTyping: boolean;
  loadError: string | null;
  onLoadOlder(): void;
  onRetry(clientId: string): void;
  onDiscard(clientId: string): void;
  /** SET-3: asks for a failed translation again. */
  onRetryTranslation?(messageId: string): Promise<CodedError | null>;
  /** Whether the newest message is in view (read marking, CHAT-4). */
  onBottomVisibilityChange(isAtBottom: boolean): void;
}

const BOTTOM_SLACK_PX = 48;

function sameGroup(previous: MessageDto | undefined, message: MessageDto): boolean {
  if (!previous || previous.kind === "system" || message.kind === "system") return false;
  if (dayKey(previous.createdAt) !== dayKey(message.createdAt)) return false;
  if (previous.authorType !== message.authorType) return false;
  if (message.authorType === "agent" && previous.author?.nickname !== message.author?.nickname) return false;
  return new Date(message.createdAt).getTime() - new Date(previous.createdAt).getTime() < 5 * 60_000;
}

export function MessageList(props: MessageListProps) {
  const { thread, onLoadOlder, onBottomVisibilityChange } = props;
  const t = useTranslations("chat.list");
  const { deliveryText } = useChatTexts();
  const locale = useLocale();
  const dayWords = { today: t("today"), yesterday: t("yesterday") };
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const isAtBottomRef = useRef(true);
  const layout = useRef({ conversationId: null as string | null, firstSeq: 0, lastSeq: 0, pending: 0, scrollHeight: 0, scrollTop: 0 });
  const [hasUnseenBelow, setHasUnseenBelow] = useState(false);
  const [enlarged, setEnlarged] = useState<{ url: string; alt: string } | null>(null);

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    isAtBottomRef.current = true;
    setHasUnseenBelow(false);
    onBottomVisibilityChange(true);
  }, [onBottomVisibilityChange]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const isAtBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    if (isAtBottom !== isAtBottomRef.current) {
      isAtBottomRef.current = isAtBottom;
      onBottomVisibilityChange(isAtBottom);
    }
    if (isAtBottom) setHasUnseenBelow(false);
    layout.current.scrollTop = element.scrollTop;
  }, [onBottomVisibilityChange]);

  // Keep the reader's place: older pages above keep the view still; new messages below follow
  // only when the reader is at the bottom (or sent them).
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const previous = layout.current;
    const firstSeq = thread.messages[0]?.seq ?? 0;
    const lastSeq = thread.messages.at(-1)?.seq ?? 0;
    const pending = thread.pending.length;
    if (previous.conversationId !== thread.conversationId) {
      isAtBottomRef.current = true;
      setHasUnseenBelow(false);
      element.scrollTop = element.scrollHeight;
    } else if (previous.firstSeq !== 0 && firstSeq < previous.firstSeq && lastSeq === previous.lastSeq) {
      element.scrollTop = previous.scrollTop + (element.scrollHeight - previous.scrollHeight);
    } else if (lastSeq > previous.lastSeq || pending > previous.pending) {
      const newest = thread.messages.at(-1);
      const isMine = pending > previous.pending || newest?.authorType === "agent";
      if (isAtBottomRef.current || isMine || previous.lastSeq === 0) element.scrollTop = element.scrollHeight;
      else setHasUnseenBelow(true);
    }
    layout.current = { conversationId: thread.conversationId, firstSeq, lastSeq, pending, scrollHeight: element.scrollHeight, scrollTop: element.scrollTop };
  }, [thread.conversationId, thread.messages, thread.pending.length]);

  // Images and videos load after layout: stay pinned to the bottom while the reader is there.
  useEffect(() => {
    const content = contentRef.current;
    const element = scrollRef.current;
    if (!content || !element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (isAtBottomRef.current) element.scrollTop = element.scrollHeight;
      layout.current.scrollHeight = element.scrollHeight;
      layout.current.scrollTop = element.scrollTop;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  // Infinite scroll upwards: the top of the history coming into view loads the previous page.
  useEffect(() => {
    const target = topRef.current;
    const root = scrollRef.current;
    if (!target || !root || !thread.hasMoreBefore || props.isLoadingOlder) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadOlder();
    }, { root, rootMargin: "200px 0px 0px 0px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [thread.hasMoreBefore, thread.messages, props.isLoadingOlder, onLoadOlder]);

  const readSeq = thread.buyerReadSeq;
  let previousDay: string | null = null;
  return (
    <div className="relative min-h-0 flex-1">
      {/* NF-5: focusable, so the history scrolls with the arrow keys and Page Up/Down. */}
      <div ref={scrollRef} onScroll={onScroll} tabIndex={0} role="region" aria-label={t("history")} className="h-full overflow-y-auto px-5 pb-3" data-testid="message-scroller">
        <div ref={contentRef} role="log" aria-label={t("messages")} aria-live="polite" aria-relevant="additions" className="mx-auto flex max-w-3xl flex-col">
          <div ref={topRef} className="flex min-h-10 items-center justify-center pt-3">
            {thread.hasMoreBefore ? (
              <button type="button" onClick={onLoadOlder} disabled={props.isLoadingOlder}
                className="rounded-full border border-slate-200 bg-white px-3 py-1 text-xs text-slate-600 shadow-sm hover:bg-slate-50 disabled:opacity-60">
                {props.isLoadingOlder ? t("loadingOlder") : t("loadOlder")}
              </button>
            ) : thread.isLoaded ? (
              <span className="text-xs text-slate-500">{t("start")}</span>
            ) : null}
          </div>
          {!thread.isLoaded && !props.loadError && <HistorySkeleton />}
          {props.loadError && (
            <p role="alert" className="mx-auto my-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{deliveryText(props.loadError)}</p>
          )}
          {thread.messages.map((message, index) => {
            const day = dayKey(message.createdAt);
            const showDay = day !== previousDay;
            previousDay = day;
            return (
              <div key={message.seq}>
                {showDay && (
                  <div className="my-3 flex items-center gap-3 text-[11px] font-medium uppercase tracking-wide text-slate-500" aria-hidden>
                    <span className="h-px flex-1 bg-slate-200" />
                    {dayLabel(message.createdAt, locale, dayWords)}
                    <span className="h-px flex-1 bg-slate-200" />
                  </div>
                )}
                <MessageBubble
                  message={message}
                  isReadByBuyer={message.seq <= readSeq}
                  buyerNickname={props.buyerNickname}
                  isFirstOfGroup={showDay || !sameGroup(thread.messages[index - 1], message)}
                  onOpenImage={setEnlarged}
                  translation={thread.translations.get(message.id)}
                  onRetryTranslation={props.onRetryTranslation}
                />
              </div>
            );
          })}
          {thread.pending.map((pending) => (
            <PendingBubble key={pending.clientId} pending={pending} onRetry={props.onRetry} onDiscard={props.onDiscard} />
          ))}
        </div>
      </div>
      {props.isBuyerTyping && (
        <div className="pointer-events-none absolute bottom-1 left-5 flex items-center gap-2 rounded-full bg-white/95 px-3 py-1 text-xs text-slate-500 shadow-sm ring-1 ring-slate-200" data-testid="buyer-typing">
          <span className="flex gap-0.5" aria-hidden>
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.2s]" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.1s]" />
            <span className="h-1.5 w-1.5 animate-bounce rounded-full bg-slate-400" />
          </span>
          <span role="status">{t("typing", { name: props.buyerNickname })}</span>
        </div>
      )}
      {hasUnseenBelow && (
        <button type="button" onClick={scrollToBottom}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-brand-600 px-3 py-1.5 text-xs font-medium text-white shadow-lg hover:bg-brand-700">
          {t("newMessages")}
        </button>
      )}
      {enlarged && (
        <Modal title={enlarged.alt} onClose={() => setEnlarged(null)} size="media" hideTitle>
          <div className="relative">
            <img src={enlarged.url} alt={enlarged.alt} className="max-h-[85vh] max-w-[90vw] rounded-xl object-contain shadow-2xl" />
            <button type="button" onClick={() => setEnlarged(null)} aria-label={t("closeImage")}
              className="absolute right-2 top-2 flex h-8 w-8 items-center justify-center rounded-full bg-slate-900/70 text-lg text-white hover:bg-slate-900">
              ×
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

function HistorySkeleton() {
  return (
    <div className="space-y-3 py-4" aria-hidden>
      {[60, 40, 72, 52].map((width, index) => (
        <div key={index} className={`flex ${index % 2 ? "justify-end" : "justify-start"}`}>
          <div className="h-9 animate-pulse rounded-2xl bg-slate-200/80" style={{ width: `${width}%` }} />
        </div>
      ))}
    </div>
  );
}
