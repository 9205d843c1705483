"use client";

// One conversation's messages in the chat window (CHAT-3, CHAT-4, CONSOLE-6):
// - the latest page on open, older pages on demand (infinite scroll upwards);
// - live `message.created` events for this conversation, merged by seq;
// - after every (re)connection, `conversation:sync` from the highest seq held, page by page,
//   and the same whenever a live event reveals a gap: nothing lost, nothing duplicated;
// - sending with a client id: an optimistic bubble that becomes the stored message on ack and
//   offers a retry with the same client id on failure;
// - the buyer's read mark and typing indicator.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { MessageDto } from "@/shared/dto";
import type { MessageCreatedEvent, ReadChangedEvent, TypingEvent } from "@/shared/events";
import { newClientId, type TAgentMessageContent } from "@/shared/message-schemas";
import { CommandError, useConsoleEvent, useConsoleSocket } from "../console-socket-context";
import { emptyThread, hasGapAfter, maxSeq, minSeq, threadReducer, type PendingMessage, type ThreadState } from "./thread-state";
import { uploadFile, type UploadHandle } from "./upload-file";

interface Page {
  messages: MessageDto[];
  hasMore: boolean;
}

const FIRST_PAGE = 30;
const OLDER_PAGE = 30;
const SYNC_PAGE = 200;
/** A typing indicator whose "stopped" event was lost clears itself. */
const TYPING_TIMEOUT_MS = 6_000;

export interface Thread {
  state: ThreadState;
  loadError: string | null;
  isLoadingOlder: boolean;
  isBuyerTyping: boolean;
  loadOlder(): Promise<void>;
  sendText(body: string): void;
  sendFile(file: File): void;
  sendCard(content: Extract<TAgentMessageContent, { kind: "product_card" | "order_card" | "voucher_card" }>): Promise<void>;
  retry(clientId: string): void;
  discard(clientId: string): void;
  markRead(seq: number): void;
}

export function useThread(conversationId: string | null, initialBuyerReadSeq: number | null): Thread {
  const { socket, connectionEpoch, emitCommand } = useConsoleSocket();
  const [state, dispatch] = useReducer(threadReducer, conversationId, emptyThread);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [loadError, setLoadError] = useState<string | null>(null);
  const [isLoadingOlder, setIsLoadingOlder] = useState(false);
  const [typingUntil, setTypingUntil] = useState(0);
  const [, setTypingTick] = useState(0);
  const uploads = useRef(new Map<string, UploadHandle>());
  const isSyncing = useRef(false);
  const syncAgain = useRef(false);
  const emitRef = useRef(emitCommand);
  emitRef.current = emitCommand;

  if (state.conversationId !== conversationId) {
    // Switching chats: start from an empty thread at once (no flash of the previous chat).
    dispatch({ type: "reset", conversationId });
  }

  useEffect(() => {
    if (conversationId && initialBuyerReadSeq !== null) dispatch({ type: "buyer_read", conversationId, seq: initialBuyerReadSeq });
  }, [conversationId, initialBuyerReadSeq]);

  /** Everything after the highest seq held, page by page; coalesces overlapping requests. */
  const syncForward = useCallback(async (id: string) => {
    if (isSyncing.current) {
      syncAgain.current = true;
      return;
    }
    isSyncing.current = true;
    try {
      do {
        syncAgain.current = false;
        for (let guard = 0; guard < 50; guard++) {
          const current = stateRef.current;
          if (current.conversationId !== id) return;
          const page = await emitRef.current<Page>("conversation:sync", { conversationId: id, afterSeq: maxSeq(current), limit: SYNC_PAGE });
          dispatch({ type: "received", conversationId: id, messages: page.messages });
          stateRef.current = threadReducer(stateRef.current, { type: "received", conversationId: id, messages: page.messages });
          if (!page.hasMore || page.messages.length === 0) break;
        }
      } while (syncAgain.current);
    } finally {
      isSyncing.current = false;
    }
  }, []);

  // Open, and after every reconnection: first page, or resync from what is held (CHAT-3).
  useEffect(() => {
    if (!conversationId || !socket || connectionEpoch === 0) return;
    let isCancelled = false;
    const current = stateRef.current;
    const run = async () => {
      if (!current.isLoaded || current.conversationId !== conversationId) {
        const page = await emitRef.current<Page>("conversation:history", { conversationId, limit: FIRST_PAGE });
        if (isCancelled) return;
        dispatch({ type: "loaded", conversationId, messages: page.messages, hasMoreBefore: page.hasMore });
        stateRef.current = threadReducer(stateRef.current, { type: "loaded", conversationId, messages: page.messages, hasMoreBefore: page.hasMore });
        // Live events may have raced the first page: make sure nothing sits in between.
        await syncForward(conversationId);
      } else {
        await syncForward(conversationId);
      }
      if (!isCancelled) setLoadError(null);
    };
    run().catch((error: unknown) => {
      if (!isCancelled) setLoadError(error instanceof CommandError ? error.message : "The messages could not be loaded.");
    });
    return () => {
      isCancelled = true;
    };
  }, [conversationId, socket, connectionEpoch, syncForward]);

  const onMessage = useCallback((event: MessageCreatedEvent) => {
    if (event.conversationId !== conversationId) return;
    const gap = hasGapAfter(stateRef.current, [event.message]);
    dispatch({ type: "received", conversationId, messages: [event.message] });
    if (event.message.authorType === "buyer") setTypingUntil(0);
    if (gap) void syncForward(conversationId).catch(() => undefined);
  }, [conversationId, syncForward]);
  useConsoleEvent("message.created", onMessage);

  const onRead = useCallback((event: ReadChangedEvent) => {
    if (event.conversationId === conversationId && event.reader === "buyer") dispatch({ type: "buyer_read", conversationId, seq: event.seq });
  }, [conversationId]);
  useConsoleEvent("conversation.read", onRead);

  const onTyping = useCallback((event: TypingEvent) => {
    if (event.conversationId !== conversationId || event.who !== "buyer") return;
    setTypingUntil(event.isTyping ? Date.now() + TYPING_TIMEOUT_MS : 0);
  }, [conversationId]);
  useConsoleEvent("typing.changed", onTyping);

  useEffect(() => {
    if (typingUntil === 0) return;
    const timer = setTimeout(() => setTypingTick((tick) => tick + 1), Math.max(0, typingUntil - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [typingUntil]);
  useEffect(() => setTypingUntil(0), [conversationId]);

  const loadOlder = useCallback(async () => {
    const current = stateRef.current;
    const oldest = minSeq(current);
    const id = current.conversationId;
    if (!id || !current.hasMoreBefore || oldest === null || isLoadingOlder) return;
    setIsLoadingOlder(true);
    try {
      const page = await emitRef.current<Page>("conversation:history", { conversationId: id, beforeSeq: oldest, limit: OLDER_PAGE });
      dispatch({ type: "older_loaded", conversationId: id, messages: page.messages, hasMoreBefore: page.hasMore });
    } catch (error) {
      setLoadError(error instanceof CommandError ? error.message : "Older messages could not be loaded.");
    } finally {
      setIsLoadingOlder(false);
    }
  }, [isLoadingOlder]);

  /** Sends with the pending bubble's client id; a failure leaves the bubble with Retry (or rethrows). */
  const deliver = useCallback(async (id: string, clientId: string, content: TAgentMessageContent, rethrow = false) => {
    dispatch({ type: "pending_updated", conversationId: id, clientId, patch: { status: "sending", error: null, content } });
    try {
      const stored = await emitRef.current<MessageDto>("message:send", { conversationId: id, clientId, content });
      dispatch({ type: "received", conversationId: id, messages: [stored] });
    } catch (error) {
      const message = error instanceof CommandError ? error.message : "The message could not be sent.";
      if (rethrow) {
        dispatch({ type: "pending_removed", conversationId: id, clientId });
        throw new Error(message);
      }
      dispatch({ type: "pending_updated", conversationId: id, clientId, patch: { status: "failed", error: message } });
    }
  }, []);

  const upload = useCallback(async (id: string, clientId: string, file: File, kind: "image" | "video") => {
    dispatch({ type: "pending_updated", conversationId: id, clientId, patch: { status: "uploading", progress: 0, error: null } });
    const handle = uploadFile(file, (progress) => dispatch({ type: "pending_updated", conversationId: id, clientId, patch: { progress } }));
    uploads.current.set(clientId, handle);
    try {
      const uploaded = await handle.promise;
      await deliver(id, clientId, { kind: uploaded.kind ?? kind, uploadId: uploaded.uploadId });
    } catch (error) {
      dispatch({ type: "pending_updated", conversationId: id, clientId, patch: { status: "failed", error: error instanceof Error ? error.message : "The upload failed." } });
    } finally {
      uploads.current.delete(clientId);
    }
  }, [deliver]);

  const addPending = useCallback((id: string, pending: PendingMessage) => {
    dispatch({ type: "pending_added", conversationId: id, pending });
  }, []);

  const sendText = useCallback((body: string) => {
    const id = stateRef.current.conversationId;
    if (!id) return;
    const clientId = newClientId();
    const content: TAgentMessageContent = { kind: "text", body };
    addPending(id, { clientId, content, media: null, status: "sending", progress: 0, error: null, createdAt: new Date().toISOString() });
    void deliver(id, clientId, content);
  }, [addPending, deliver]);

  const sendFile = useCallback((file: File) => {
    const id = stateRef.current.conversationId;
    if (!id) return;
    const clientId = newClientId();
    const kind = file.type.startsWith("video/") ? "video" : "image";
    addPending(id, {
      clientId,
      content: null,
      media: { kind, previewUrl: URL.createObjectURL(file), fileName: file.name, file },
      status: "uploading",
      progress: 0,
      error: null,
      createdAt: new Date().toISOString(),
    });
    void upload(id, clientId, file, kind);
  }, [addPending, upload]);

  const sendCard = useCallback(async (content: Extract<TAgentMessageContent, { kind: "product_card" | "order_card" | "voucher_card" }>) => {
    const id = stateRef.current.conversationId;
    if (!id) return;
    const clientId = newClientId();
    addPending(id, { clientId, content, media: null, status: "sending", progress: 0, error: null, createdAt: new Date().toISOString() });
    // The workbench shows a card's failure beside its Send button, so no Retry bubble stays.
    await deliver(id, clientId, content, true);
  }, [addPending, deliver]);

  const retry = useCallback((clientId: string) => {
    const current = stateRef.current;
    const id = current.conversationId;
    const pending = current.pending.find((item) => item.clientId === clientId);
    if (!id || !pending) return;
    // The same client id: if the first attempt was stored after all, the server returns it.
    if (pending.content) void deliver(id, clientId, pending.content);
    else if (pending.media) void upload(id, clientId, pending.media.file, pending.media.kind);
  }, [deliver, upload]);

  const discard = useCallback((clientId: string) => {
    const id = stateRef.current.conversationId;
    const pending = stateRef.current.pending.find((item) => item.clientId === clientId);
    if (!id || !pending) return;
    uploads.current.get(clientId)?.abort();
    dispatch({ type: "pending_removed", conversationId: id, clientId });
  }, []);

  // Local previews of attachments are released once their bubble is gone (stored or removed).
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const current = new Set(state.pending.flatMap((item) => (item.media ? [item.media.previewUrl] : [])));
    for (const url of previews.current) if (!current.has(url)) URL.revokeObjectURL(url);
    previews.current = current;
  }, [state.pending]);
  useEffect(() => () => {
    for (const url of previews.current) URL.revokeObjectURL(url);
  }, []);

  const markedSeq = useRef<{ id: string | null; seq: number }>({ id: null, seq: 0 });
  const markRead = useCallback((seq: number) => {
    const id = stateRef.current.conversationId;
    if (!id) return;
    if (markedSeq.current.id === id && markedSeq.current.seq >= seq) return;
    markedSeq.current = { id, seq };
    emitRef.current("conversation:read", { conversationId: id, seq }).catch(() => {
      // Try again on the next trigger (a new message, the tab becoming visible).
      if (markedSeq.current.id === id && markedSeq.current.seq === seq) markedSeq.current = { id, seq: 0 };
    });
  }, []);

  return {
    state,
    loadError,
    isLoadingOlder,
    isBuyerTyping: typingUntil > Date.now(),
    loadOlder,
    sendText,
    sendFile,
    sendCard,
    retry,
    discard,
    markRead,
  };
}
