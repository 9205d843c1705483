// Over 300 lines: the widget's one view (header, thread, composer, rating); the rating panel and header are the next split.
"use client";

// The buyer widget inside its iframe (WIDGET-1..3): header with the shop and the agent's
// nickname and avatar (never an email, TEAM-6), the thread with infinite scroll, the queue
// note, typing and read indicators, cards, the rating after the chat ends, notices (blocked,
// rate-limited, reconnecting) and the composer. The connection logic lives in WidgetClient.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";
import { Composer, type ComposerHandle } from "./composer";
import { FRAME_SOURCE, isHostMessage, type FrameToHost } from "./host-protocol";
import { Avatar, formatTime, MessageBody, PendingBubble } from "./message-views";
import { unreadFromShop } from "@/client/delivery/thread";
import { WidgetClient, type WidgetState } from "./widget-client";
import { RatingPrompt } from "./rating-prompt";
import { VOUCHER_CLAIM_ENABLED } from "./widget-features";
import { noteText, phraseText, widgetStatusText, type StatusTranslate, type WidgetStatusText } from "@/core/widget/availability";
import { isChatbotMessage } from "@/core/automation/message-markers";
import { useSystemNoteText } from "@/components/i18n/use-system-note-text";
import { toSupportedLocale } from "@/core/i18n/locale";
import { useWidgetTexts } from "./widget-texts";

/** WIDGET-4: the header line and the note above the composer, from the pure rules in src/core/widget. */
function statusOf(state: WidgetState): WidgetStatusText {
  if (state.phase === "starting" || state.phase === "connecting") return { header: { key: "connecting" }, note: null, noteKind: null };
  const session = state.session;
  return widgetStatusText({
    availability: state.availability,
    sessionState: session?.state ?? null,
    agentNickname: session?.state === "open" ? (session.agent?.nickname ?? null) : null,
  });
}

export interface WidgetAppProps {
  shopKey: string;
  productId: string | null;
  orderId: string | null;
}

function postToHost(message: FrameToHost) {
  if (window.parent !== window) window.parent.postMessage(message, "*");
}

/** `widget.status` as the pure status rules (src/core/widget/availability.ts) need it. */
function useStatusTranslate(): StatusTranslate {
  const t = useTranslations("widget.status");
  return useCallback<StatusTranslate>((key, values) => t(key, values), [t]);
}

export function WidgetApp({ shopKey, productId, orderId }: WidgetAppProps) {
  const t = useTranslations("widget");
  const common = useTranslations("common");
  const texts = useWidgetTexts();
  const [client] = useState(() => {
    // The identity token travels in the fragment (#identity=…), which never reaches server logs.
    const hash = typeof window === "undefined" ? "" : window.location.hash;
    const identityToken = new URLSearchParams(hash.replace(/^#/, "")).get("identity");
    return new WidgetClient({
      shopKey,
      texts,
      page: { productId, orderId },
      identityToken,
      storage: typeof window === "undefined" ? undefined : safeLocalStorage(),
    });
  });
  const state = useSyncExternalStore(client.subscribe, client.getState, client.getState);
  const [isEmbedded, setIsEmbedded] = useState(false);
  const [isOpen, setIsOpen] = useState(true);
  const composerRef = useRef<ComposerHandle>(null);

  useEffect(() => {
    void client.start();
    return () => client.destroy();
  }, [client]);

  // Talk to the storefront's loader: open/close, page context, identity.
  useEffect(() => {
    const embedded = window.parent !== window;
    setIsEmbedded(embedded);
    if (embedded) setIsOpen(false);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || !isHostMessage(event.data)) return;
      const message = event.data;
      if (message.type === "open") {
        setIsOpen(true);
        requestAnimationFrame(() => composerRef.current?.focus());
      } else if (message.type === "close") setIsOpen(false);
      else if (message.type === "context") void client.setPageContext({ productId: message.productId, orderId: message.orderId });
      else if (message.type === "identify") void client.identify(message.token);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [client]);

  // NF-5: the loader's launcher and frame title speak the widget's language; it has no catalog
  // of its own, so the frame hands it the words.
  const shopName = state.shopName;
  const unread = isOpen ? 0 : unreadFromShop(state.thread.messages, state.buyerReadSeq);
  const openLabel = (shopName ? t("launcher.openWithShop", { shop: shopName }) : t("launcher.open")) + (unread > 0 ? ` ${t("launcher.unread", { count: unread })}` : "");
  const closeLabel = t("launcher.close");
  const frameTitle = shopName ? t("launcher.frameTitleWithShop", { shop: shopName }) : t("launcher.frameTitle");
  useEffect(() => {
    // Sent again when a label changes (the loader treats a repeated "ready" as an update).
    if (shopName !== null) postToHost({ source: FRAME_SOURCE, type: "ready", shopName, labels: { open: openLabel, close: closeLabel, frameTitle } });
  }, [shopName, openLabel, closeLabel, frameTitle]);

  useEffect(() => {
    postToHost({ source: FRAME_SOURCE, type: "unread", count: unread, openLabel });
  }, [unread, openLabel]);

  // CHAT-4: what is on screen while the panel is open and the tab visible counts as read.
  const lastMessageSeq = state.thread.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!isOpen || state.phase !== "connected") return;
    const markIfVisible = () => {
      if (document.visibilityState === "visible") client.markRead();
    };
    markIfVisible();
    document.addEventListener("visibilitychange", markIfVisible);
    return () => document.removeEventListener("visibilitychange", markIfVisible);
  }, [client, isOpen, lastMessageSeq, state.phase]);

  const close = useCallback(() => {
    setIsOpen(false);
    postToHost({ source: FRAME_SOURCE, type: "close" });
  }, []);

  if (state.phase === "failed") {
    return (
      <Shell title={t("frame.title")} onClose={isEmbedded ? close : undefined}>
        <div role="alert" className="m-4 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p>{state.fatalError}</p>
          <button type="button" onClick={() => client.restart()} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-white">
            {common("tryAgain")}
          </button>
        </div>
      </Shell>
    );
  }

  return (
    <Shell
      title={state.shopName ?? t("frame.title")}
      subtitle={<Subtitle state={state} />}
      onClose={isEmbedded ? close : undefined}
      onEscape={isEmbedded ? close : undefined}
    >
      {state.phase === "reconnecting" && (
        <p role="status" className="bg-amber-50 px-3 py-1 text-center text-xs text-amber-900" data-testid="connection-banner">
          {t("banner.reconnecting")}
        </p>
      )}
      {state.notice && (
        <div role="alert" data-testid={`notice-${state.notice.kind}`}
          className={`flex items-start gap-2 px-3 py-2 text-sm ${state.notice.kind === "info" ? "bg-emerald-50 text-emerald-900" : "bg-amber-100 text-amber-950"}`}>
          <p className="flex-1">{state.notice.message}</p>
          <button type="button" onClick={() => client.dismissNotice()} aria-label={t("banner.dismissNotice")} className="px-1 text-lg leading-none">×</button>
        </div>
      )}
      <Thread client={client} state={state} />
      <ContextBar client={client} state={state} />
      {state.session?.withBot ? <BotBar client={client} sessionId={state.session.id} /> : <StatusNote state={state} />}
      <RatingPrompt client={client} state={state} />
      {state.blockedNotice ? (
        <p role="alert" data-testid="blocked-notice" className="border-t border-red-200 bg-red-50 px-3 py-3 text-sm text-red-900">
          {state.blockedNotice}
        </p>
      ) : (
        <Composer
          ref={composerRef}
          isDisabled={state.phase === "starting"}
          onSend={(text) => client.sendText(text)}
          onFile={(file) => client.sendFile(file)}
          onTyping={(isTyping) => client.setTyping(isTyping)}
        />
      )}
    </Shell>
  );
}

/** AUTO-5: while the chatbot answers, the buyer can ask for a person at any time. */
function BotBar({ client, sessionId }: { client: WidgetClient; sessionId: string }) {
  const t = useTranslations("widget.bot");
  return (
    <div className="flex items-center justify-between gap-2 border-t border-sky-100 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="bot-bar">
      <p>{t("chattingWithAssistant")}</p>
      <button type="button" onClick={() => void client.requestPerson(sessionId)} data-testid="talk-to-person"
        className="shrink-0 rounded-md border border-brand-500 bg-white px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50">
        {t("talkToPerson")}
      </button>
    </div>
  );
}

function Subtitle({ state }: { state: WidgetState }) {
  const translate = useStatusTranslate();
  const agent = state.session?.state === "open" ? state.session.agent : null;
  const header = phraseText(translate, statusOf(state).header);
  if (agent) {
    return (
      <span className="flex items-center gap-1.5" data-testid="agent-identity">
        <Avatar name={agent.nickname} url={agent.avatarUrl} size={20} className="ring-1 ring-white" />
        <span>{header}</span>
      </span>
    );
  }
  const isOnline = state.availability?.isAgentOnline;
  return (
    <span className="flex items-center gap-1.5" data-testid="availability" data-online={isOnline === undefined ? "unknown" : String(isOnline)}>
      {isOnline !== undefined && <span aria-hidden="true" className={`inline-block size-2 rounded-full ${isOnline ? "bg-emerald-300" : "bg-slate-300"}`} />}
      <span>{header}</span>
    </span>
  );
}

/** WIDGET-4: the queue position and wait, or the shop's offline message and what happens next. */
function StatusNote({ state }: { state: WidgetState }) {
  const translate = useStatusTranslate();
  const status = statusOf(state);
  if (!status.note || state.blockedNotice) return null;
  return (
    <p role="status" data-testid={status.noteKind === "offline" ? "offline-note" : "queue-note"}
      className={`border-t px-3 py-2 text-sm ${status.noteKind === "offline" ? "border-slate-200 bg-slate-100 text-slate-800" : "border-sky-100 bg-sky-50 text-sky-900"}`}>
      {noteText(translate, status.note)}
    </p>
  );
}

function Shell({ title, subtitle, onClose, onEscape, children }: { title: string; subtitle?: React.ReactNode; onClose?: () => void; onEscape?: () => void; children: React.ReactNode }) {
  const t = useTranslations("widget.header");
  return (
    <div
      className="flex h-dvh flex-col bg-slate-50 text-slate-900"
      onKeyDown={(event) => {
        // The emoji picker handles its own Escape first (and stops it).
        if (event.key === "Escape" && onEscape && !event.defaultPrevented) onEscape();
      }}
    >
      <header className="flex items-center gap-2 bg-brand-600 px-3 py-2.5 text-white">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold">{title}</h1>
          {subtitle && <div className="text-xs text-brand-100">{subtitle}</div>}
        </div>
        {onClose && (
          <button type="button" onClick={onClose} aria-label={t("closeChat")} className="rounded-md p-1.5 text-xl leading-none hover:bg-brand-700">
            <span aria-hidden="true">×</span>
          </button>
        )}
      </header>
      {children}
    </div>
  );
}

function Thread({ client, state }: { client: WidgetClient; state: WidgetState }) {
  const t = useTranslations("widget.thread");
  const texts = useWidgetTexts();
  const listRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const isNearBottom = useRef(true);
  const previous = useRef<{ firstSeq: number | null; scrollHeight: number; count: number }>({ firstSeq: null, scrollHeight: 0, count: 0 });
  const { messages, pending, isLoaded, hasMoreBefore } = state.thread;

  // Infinite scroll: the sentinel at the top loads the page before.
  useEffect(() => {
    const root = listRef.current;
    const sentinel = topRef.current;
    if (!root || !sentinel || !hasMoreBefore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void client.loadOlder();
    }, { root, rootMargin: "120px 0px 0px 0px" });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [client, hasMoreBefore, isLoaded]);

  // Keep the view steady: older pages keep what was on screen in place; new messages scroll
  // into view when the buyer was already at the bottom.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const firstSeq = messages[0]?.seq ?? null;
    const before = previous.current;
    if (before.firstSeq !== null && firstSeq !== null && firstSeq < before.firstSeq) {
      list.scrollTop += list.scrollHeight - before.scrollHeight;
    } else if (isNearBottom.current || before.count === 0) {
      list.scrollTop = list.scrollHeight;
    }
    previous.current = { firstSeq, scrollHeight: list.scrollHeight, count: messages.length + pending.length };
  }, [messages, pending]);

  const lastBuyerSeq = [...messages].reverse().find((message) => message.authorType === "buyer")?.seq ?? null;

  return (
    <div
      ref={listRef}
      // NF-5: focusable, so a long conversation scrolls from the keyboard.
      tabIndex={0}
      role="region"
      aria-label={t("messages")}
      className="flex-1 overflow-y-auto px-3 py-2"
      onScroll={(event) => {
        const list = event.currentTarget;
        isNearBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
      }}
    >
      <div ref={topRef} aria-hidden="true" className="h-px" />
      {state.isLoadingOlder && <p className="py-1 text-center text-xs text-slate-500">{t("loadingOlder")}</p>}
      {isLoaded && !hasMoreBefore && messages.length === 0 && pending.length === 0 && state.availability?.isAgentOnline && (
        <p className="mt-6 text-center text-sm text-slate-500">{t("empty")}</p>
      )}
      {/* The log is the live region; the list inside keeps its list semantics (axe "listitem"). */}
      <div role="log" aria-live="polite" aria-label={t("conversation")}>
        <ol data-testid="widget-messages" className="space-y-2">
          {messages.map((message, index) => (
            <MessageItem
              key={message.seq}
              message={message}
              previous={messages[index - 1]}
              shopName={state.shopName}
              status={message.seq === lastBuyerSeq ? (message.seq <= state.shopReadSeq ? t("read") : t("sent")) : null}
              translation={message.authorType === "buyer" ? undefined : state.translations.get(message.id)}
              voucher={{
                canClaim: VOUCHER_CLAIM_ENABLED,
                isClaimed: state.claimedVoucherIds.includes(String(message.payload?.voucherId)),
                onClaim: () => void client.claimVoucher(String(message.payload?.voucherId), message.id),
              }}
            />
          ))}
          {pending.map((item) => (
            <PendingBubble key={item.clientId} item={item} errorText={texts.pendingError(item.error)} onRetry={() => client.retry(item.clientId)} onDismiss={() => client.dismiss(item.clientId)} />
          ))}
        </ol>
      </div>
      {state.agentTyping && (
        <p role="status" className="mt-2 text-xs italic text-slate-500" data-testid="typing-indicator">
          {state.agentTyping.nickname ? t("agentTyping", { name: state.agentTyping.nickname }) : t("someoneTyping")}
        </p>
      )}
    </div>
  );
}

/**
 * SET-3: a message sent to the buyer, in the buyer's language when it was translated, with the
 * original one click away. A failed translation leaves the original.
 */
function TranslatedBody({ message, translation, voucher }: { message: MessageDto; translation?: MessageTranslationDto; voucher: { canClaim: boolean; isClaimed: boolean; onClaim: () => void } }) {
  const t = useTranslations("widget.thread");
  const [showOriginal, setShowOriginal] = useState(false);
  const isTranslated = translation?.status === "done" && translation.text !== null && (message.kind === "text" || message.kind === "image" || message.kind === "video");
  if (!isTranslated) return <MessageBody message={message} voucher={voucher} />;
  const shown = showOriginal ? message : { ...message, body: translation.text! };
  return (
    <div data-testid="widget-translation" data-language={translation.language}>
      <div lang={showOriginal ? undefined : translation.language}><MessageBody message={shown} voucher={voucher} /></div>
      <button type="button" onClick={() => setShowOriginal((value) => !value)} aria-expanded={showOriginal} data-testid="widget-translation-toggle"
        className="mt-1 text-[11px] text-slate-600 underline underline-offset-2 hover:text-slate-800">
        {showOriginal ? t("showTranslation") : t("showOriginal")}
      </button>
    </div>
  );
}

function MessageItem({ message, previous, shopName, status, voucher, translation }: {
  message: MessageDto;
  previous: MessageDto | undefined;
  shopName: string | null;
  status: string | null;
  voucher: { canClaim: boolean; isClaimed: boolean; onClaim: () => void };
  translation?: MessageTranslationDto;
}) {
  const t = useTranslations("widget");
  const locale = useLocale();
  const systemNote = useSystemNoteText();
  if (message.kind === "system" || message.authorType === "system") {
    // NF-5: the product's own notes ("Ava joined the chat", the chatbot's hand-over) in the
    // buyer's language; a note of the shop's own words as written.
    const body = systemNote(message);
    return (
      <li className="py-1 text-center" data-testid="message" data-seq={message.seq}>
        <span className="inline-block rounded-full bg-slate-200 px-3 py-1 text-xs text-slate-700">{body}</span>
      </li>
    );
  }
  const isMine = message.authorType === "buyer";
  const isCard = message.kind === "product_card" || message.kind === "order_card" || message.kind === "voucher_card";
  // AUTO-5: the chatbot's answers say so, so a buyer never takes the FAQ bot for a person.
  // Greetings, proactive and auto-sent answers are the shop's automatic replies.
  const isChatbot = isChatbotMessage(message);
  const shop = shopName ?? t("thread.shop");
  const authorName = message.authorType === "agent" ? (message.author?.nickname ?? t("thread.agent")) : isChatbot ? t("thread.assistant", { shop }) : shop;
  const wasChatbot = previous !== undefined && isChatbotMessage(previous);
  const showAuthor = !isMine && (previous?.authorType !== message.authorType || previous?.author?.nickname !== message.author?.nickname || wasChatbot !== isChatbot);
  return (
    <li className={`flex flex-col ${isMine ? "items-end" : "items-start"}`} data-testid="message" data-seq={message.seq} data-author={message.authorType}>
      {showAuthor && (
        <div className="mb-0.5 flex items-center gap-1.5 text-xs text-slate-600">
          <Avatar name={authorName} url={message.authorType === "agent" ? (message.author?.avatarUrl ?? null) : null} size={20} />
          <span data-testid="message-author">{authorName}</span>
          {isChatbot ? (
            <span data-testid="bot-label" className="rounded border border-violet-200 bg-violet-50 px-1 text-[10px] font-medium uppercase tracking-wide text-violet-800">{t("bot.label")}</span>
          ) : (
            message.isAutomatic && <span className="text-slate-500">{t("thread.automaticReply")}</span>
          )}
        </div>
      )}
      <div
        className={
          isCard
            ? ""
            : `max-w-[85%] rounded-2xl px-3 py-2 text-sm ${isMine ? "rounded-br-sm bg-brand-600 text-white" : "rounded-bl-sm bg-white text-slate-900 shadow-sm ring-1 ring-slate-200"}`
        }
      >
        <TranslatedBody message={message} translation={translation} voucher={voucher} />
      </div>
      <div className="mt-0.5 text-[11px] text-slate-500">
        <time dateTime={message.createdAt}>{formatTime(message.createdAt, toSupportedLocale(locale) ?? undefined)}</time>
        {status && <span data-testid="read-state"> · {status}</span>}
      </div>
    </li>
  );
}

function ContextBar({ client, state }: { client: WidgetClient; state: WidgetState }) {
  const t = useTranslations("widget.context");
  const { product, order } = state;
  if ((!product && !order) || state.blockedNotice) return null;
  return (
    <div className="space-y-1 border-t border-slate-200 bg-white px-3 py-2 text-sm">
      {product && (
        <div className="flex items-center gap-2" data-testid="context-product">
          <span className="min-w-0 flex-1 truncate text-slate-700">
            {t.rich("viewing", { product: product.name, name: (chunks) => <span className="font-medium text-slate-900">{chunks}</span> })}
            {product.isSoldOut && <span className="text-slate-500"> {t("soldOut")}</span>}
          </span>
          <button type="button" onClick={() => client.sendProduct()} className="shrink-0 rounded-md border border-brand-500 px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50">
            {t("askProduct")}
          </button>
        </div>
      )}
      {order && (
        <div className="flex items-center gap-2" data-testid="context-order">
          <span className="min-w-0 flex-1 truncate text-slate-700">
            {t.rich("order", { number: order.externalId, name: (chunks) => <span className="font-medium text-slate-900">{chunks}</span> })}
          </span>
          <button type="button" onClick={() => client.sendOrder()} className="shrink-0 rounded-md border border-brand-500 px-2 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50">
            {t("askOrder")}
          </button>
        </div>
      )}
    </div>
  );
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
