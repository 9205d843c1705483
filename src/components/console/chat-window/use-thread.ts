"use client";

// One conversation's messages in the chat window (CHAT-3, CHAT-4, CONSOLE-6): a thin view over
// the shared delivery client (src/client/delivery, docs/realtime.md "Client delivery"), which
// loads the latest page, merges live events, resumes from the last gap-free sequence number
// after every reconnect and on any gap, and sends, retries and uploads with client ids. This
// hook adds what only the console shows: the buyer's read mark and typing indicator.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { DeliveryClient } from "@/client/delivery/client";
import { INITIAL_DELIVERY_STATE } from "@/client/delivery/machine";
import { bindConsoleDelivery, consoleTransport } from "@/client/delivery/socket-adapter";
import type { PendingMessage } from "@/client/delivery/types";
import { mergeTranslations, tapTranslations } from "@/client/delivery/translations";
import { createXhrUploader } from "@/client/delivery/upload";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";
import type { MessageTranslatedEvent, ReadChangedEvent, TypingEvent } from "@/shared/events";
import { newClientId, type TAgentMessageContent } from "@/shared/message-schemas";
import { useConsoleEvent, useConsoleSocket } from "../console-socket-context";

/** A typing indicator whose "stopped" event was lost clears itself. */
const TYPING_TIMEOUT_MS = 6_000;
const CARD_LABEL = { product_card: "Product card", order_card: "Order card", voucher_card: "Voucher" } as const;

export interface ThreadView {
  conversationId: string | null;
  /** Ascending by seq, one entry per seq. */
  messages: MessageDto[];
  pending: PendingMessage[];
  isLoaded: boolean;
  hasMoreBefore: boolean;
  /** Highest seq the buyer has read (CHAT-4): agent messages up to it show "Read". */
  buyerReadSeq: number;
  /** SET-3: each message's translation, by message id. */
  translations: ReadonlyMap<string, MessageTranslationDto>;
}

type CardContent = Extract<TAgentMessageContent, { kind: "product_card" | "order_card" | "voucher_card" }>;

export interface Thread {
  state: ThreadView;
  loadError: string | null;
  isLoadingOlder: boolean;
  isBuyerTyping: boolean;
  loadOlder(): Promise<void>;
  sendText(body: string): void;
  sendFile(file: File): void;
  sendCard(content: CardContent): Promise<void>;
  retry(clientId: string): void;
  discard(clientId: string): void;
  markRead(seq: number): void;
  /** SET-3: asks for a failed translation again; the result arrives as message.translated. */
  retryTranslation(messageId: string): Promise<{ code?: string; message?: string } | null>;
}

const noSubscription = () => () => undefined;
const EMPTY_TRANSLATIONS: ReadonlyMap<string, MessageTranslationDto> = new Map();
const initialState = () => INITIAL_DELIVERY_STATE;

export function useThread(conversationId: string | null, initialBuyerReadSeq: number | null): Thread {
  const { socket, isReady, call } = useConsoleSocket();
  // SET-3: translations, per conversation; pages and live events both feed them.
  const [translationState, setTranslationState] = useState<{ conversationId: string | null; byMessage: ReadonlyMap<string, MessageTranslationDto> }>({ conversationId, byMessage: new Map() });
  const addTranslations = useCallback((id: string, incoming: MessageTranslationDto[]) => {
    setTranslationState((current) => {
      const base = current.conversationId === id ? current.byMessage : new Map<string, MessageTranslationDto>();
      const byMessage = mergeTranslations(base, incoming);
      return byMessage === current.byMessage ? current : { conversationId: id, byMessage };
    });
  }, []);
  const onTranslated = useCallback((event: MessageTranslatedEvent) => {
    if (event.conversationId === conversationId) addTranslations(event.conversationId, [event.translation]);
  }, [conversationId, addTranslations]);
  useConsoleEvent("message.translated", onTranslated);
  const client = useMemo(() => {
    if (!socket || !conversationId) return null;
    return new DeliveryClient({
      transport: tapTranslations(consoleTransport(socket, conversationId), (translations) => addTranslations(conversationId, translations)),
      uploader: createXhrUploader({ withCredentials: true }),
      newClientId,
      releasePreview: (url) => URL.revokeObjectURL(url),
    });
  }, [socket, conversationId, addTranslations]);
  useEffect(() => {
    if (!client || !socket || !conversationId) return;
    // Read at bind time: console.ready may have come between the render and this effect.
    const unbind = bindConsoleDelivery(client, socket, conversationId, isReady());
    return () => {
      unbind();
      client.stop();
    };
  }, [client, socket, conversationId, isReady]);

  const delivery = useSyncExternalStore(client?.subscribe ?? noSubscription, client?.getState ?? initialState, client?.getState ?? initialState);

  // CHAT-4: the buyer's read mark only moves forward; it starts from the conversation's details.
  const [buyerRead, setBuyerRead] = useState({ conversationId, seq: 0 });
  const buyerReadSeq = buyerRead.conversationId === conversationId ? buyerRead.seq : 0;
  const advanceBuyerRead = useCallback((id: string, seq: number) => {
    setBuyerRead((current) => (current.conversationId !== id ? { conversationId: id, seq } : seq > current.seq ? { conversationId: id, seq } : current));
  }, []);
  useEffect(() => {
    if (conversationId && initialBuyerReadSeq !== null) advanceBuyerRead(conversationId, initialBuyerReadSeq);
  }, [conversationId, initialBuyerReadSeq, advanceBuyerRead]);
  const onRead = useCallback((event: ReadChangedEvent) => {
    if (event.conversationId === conversationId && event.reader === "buyer") advanceBuyerRead(event.conversationId, event.seq);
  }, [conversationId, advanceBuyerRead]);
  useConsoleEvent("conversation.read", onRead);

  const [typingUntil, setTypingUntil] = useState(0);
  const [, setTypingTick] = useState(0);
  const onTyping = useCallback((event: TypingEvent) => {
    if (event.conversationId !== conversationId || event.who !== "buyer") return;
    setTypingUntil(event.isTyping ? Date.now() + TYPING_TIMEOUT_MS : 0);
  }, [conversationId]);
  useConsoleEvent("typing.changed", onTyping);
  const onMessage = useCallback((event: { conversationId: string; message: MessageDto }) => {
    if (event.conversationId === conversationId && event.message.authorType === "buyer") setTypingUntil(0);
  }, [conversationId]);
  useConsoleEvent("message.created", onMessage);
  useEffect(() => {
    if (typingUntil === 0) return;
    const timer = setTimeout(() => setTypingTick((tick) => tick + 1), Math.max(0, typingUntil - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typingUntil]);
  useEffect(() => setTypingUntil(0), [conversationId]);

  const loadOlder = useCallback(async () => client?.loadOlder(), [client]);
  const sendText = useCallback((body: string) => {
    void client?.send({ kind: "text", body }, { kind: "text", body });
  }, [client]);
  const sendFile = useCallback((file: File) => {
    const kind = file.type.startsWith("video/") ? "video" : "image";
    client?.sendFile(file, { kind, fileName: file.name, objectUrl: URL.createObjectURL(file) });
  }, [client]);
  const sendCard = useCallback(async (content: CardContent) => {
    // The workbench shows a card's failure beside its Send button, so no Retry bubble stays.
    await client?.send(content, { kind: content.kind, label: CARD_LABEL[content.kind] }, { dropOnFailure: true });
  }, [client]);
  const retry = useCallback((clientId: string) => client?.retry(clientId), [client]);
  const discard = useCallback((clientId: string) => client?.discard(clientId), [client]);

  const callRef = useRef(call);
  callRef.current = call;
  const markedSeq = useRef<{ id: string | null; seq: number }>({ id: null, seq: 0 });
  const markRead = useCallback((seq: number) => {
    if (!conversationId) return;
    if (markedSeq.current.id === conversationId && markedSeq.current.seq >= seq) return;
    markedSeq.current = { id: conversationId, seq };
    callRef.current("conversation:read", { conversationId, seq }).catch(() => {
      // Try again on the next trigger (a new message, the tab becoming visible).
      if (markedSeq.current.id === conversationId && markedSeq.current.seq === seq) markedSeq.current = { id: conversationId, seq: 0 };
    });
  }, [conversationId]);

  const retryTranslation = useCallback(async (messageId: string) => {
    try {
      await callRef.current("translation:retry", { messageId });
      return null;
    } catch (error) {
      // The chat window says it in the member's language (chat-texts.ts); no code, its own sentence.
      return error instanceof Error ? { code: (error as Error & { code?: string }).code, message: error.message } : {};
    }
  }, []);

  const translations = translationState.conversationId === conversationId ? translationState.byMessage : EMPTY_TRANSLATIONS;
  const state = useMemo<ThreadView>(() => ({
    conversationId,
    messages: delivery.messages,
    pending: delivery.pending,
    isLoaded: delivery.isLoaded,
    hasMoreBefore: delivery.hasMoreBefore,
    buyerReadSeq,
    translations,
  }), [conversationId, delivery.messages, delivery.pending, delivery.isLoaded, delivery.hasMoreBefore, buyerReadSeq, translations]);

  return {
    state,
    loadError: delivery.loadError,
    isLoadingOlder: delivery.isLoadingOlder,
    isBuyerTyping: typingUntil > Date.now(),
    loadOlder,
    sendText,
    sendFile,
    sendCard,
    retry,
    discard,
    markRead,
    retryTranslation,
  };
}
