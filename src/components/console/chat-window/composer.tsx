"use client";

// The reply box (CONSOLE-6, CHAT-2): Enter sends, Shift+Enter breaks the line, 4,000 characters
// with a counter, the emoji picker, attachments (button, paste or drop) with upload progress in
// the pending bubble, and typing:set while the agent types (throttled). When the agent may not
// reply, the box gives way to the reason and, for a queued chat, the way to take it.
// AUTO-2: `/` opens the saved-reply picker (use-saved-reply-picker.ts); the inserted text stays
// editable before it is sent.
import { useCallback, useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { EmojiPicker } from "@/components/emoji/emoji-picker";
import { MAX_TEXT_LENGTH } from "@/shared/message-schemas";
import { useConsoleSocket } from "../console-socket-context";
import { SavedReplyPickerList } from "./saved-reply-picker";
import { useSavedReplyPicker } from "./use-saved-reply-picker";
import { shortcutProps } from "../keyboard/shortcut-props";
import { consumeKeyboardNavigation } from "../keyboard/keyboard-navigation";

const ACCEPTED_FILES = "image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm";
const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 4_000;
const COUNTER_FROM = MAX_TEXT_LENGTH - 500;

/** Unsent text per chat, for this tab: switching chats keeps what the agent was writing. */
const drafts = new Map<string, string>();

export interface ComposerBlock {
  /** Text, or text with a link (the blocked-buyers page). */
  reason: ReactNode;
  action?: { label: string; onClick(): void; isBusy?: boolean };
}

export interface ComposerProps {
  conversationId: string;
  /** Why the agent cannot reply right now; null when they can. */
  block: ComposerBlock | null;
  canUpload: boolean;
  onSendText(body: string): void;
  onSendFile(file: File): void;
  /** AUTO-4: text to put into the reply box (a recommendation); a new nonce inserts again. */
  insert?: { text: string; nonce: number } | null;
}

export function Composer({ conversationId, block, canUpload, onSendText, onSendFile, insert }: ComposerProps) {
  const { call, state: connection } = useConsoleSocket();
  const t = useTranslations("chat.composer");
  const [text, setText] = useState(() => drafts.get(conversationId) ?? "");
  const [isEmojiOpen, setIsEmojiOpen] = useState(false);
  const [isDragging, setIsDragging] = useState(false);
  const [caret, setCaret] = useState(text.length);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const typing = useRef({ isTyping: false, lastSentAt: 0, idleTimer: null as ReturnType<typeof setTimeout> | null });
  const counterId = useId();
  const hintId = useId();

  const setTyping = useCallback((isTyping: boolean) => {
    const current = typing.current;
    if (current.idleTimer) clearTimeout(current.idleTimer);
    current.idleTimer = null;
    const now = Date.now();
    if (isTyping) {
      current.idleTimer = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
      if (current.isTyping && now - current.lastSentAt < TYPING_REFRESH_MS) return;
    } else if (!current.isTyping) {
      return;
    }
    current.isTyping = isTyping;
    current.lastSentAt = now;
    call("typing:set", { conversationId, isTyping }).catch(() => undefined);
  }, [conversationId, call]);

  // Leaving the chat stops the indicator the buyer sees.
  useEffect(() => () => {
    const current = typing.current;
    if (current.idleTimer) clearTimeout(current.idleTimer);
    if (current.isTyping) call("typing:set", { conversationId, isTyping: false }).catch(() => undefined);
    current.isTyping = false;
  }, [conversationId, call]);

  useEffect(() => {
    const element = textareaRef.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, 200)}px`;
  }, [text]);

  // Opening a chat (or being allowed to reply in it) puts the cursor in the reply box, once;
  // not when the chat was opened with J or K (NF-5: the next key moves on, R replies).
  const isBlocked = block !== null;
  useEffect(() => {
    if (!isBlocked && !consumeKeyboardNavigation()) textareaRef.current?.focus({ preventScroll: true });
  }, [conversationId, isBlocked]);

  function update(next: string) {
    setText(next);
    if (next) drafts.set(conversationId, next);
    else drafts.delete(conversationId);
    setTyping(next.trim().length > 0);
  }

  const insertSavedReply = useCallback((next: string, nextCaret: number) => {
    update(next);
    setCaret(nextCaret);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(nextCaret, nextCaret);
    });
  }, [conversationId]);
  const picker = useSavedReplyPicker({ conversationId, text, caret, onInsert: insertSavedReply });
  // AUTO-4: a clicked recommendation replaces an empty draft or follows the typed text.
  const insertNonce = insert?.nonce;
  useEffect(() => {
    if (!insert) return;
    const current = drafts.get(conversationId) ?? "";
    const next = current.trim() ? `${current.trimEnd()}\n${insert.text}` : insert.text;
    update(next);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(next.length, next.length);
    });
    // Only a new click inserts (the nonce), not a re-render.
  }, [insertNonce]);

  const trimmed = text.trim();
  const isTooLong = text.length > MAX_TEXT_LENGTH;
  const canSend = !block && trimmed.length > 0 && !isTooLong;

  function send() {
    if (!canSend) return;
    onSendText(trimmed);
    update("");
    setTyping(false);
    textareaRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (picker.handleKeyDown(event)) return;
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  function insertEmoji(emoji: string) {
    const element = textareaRef.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + emoji + text.slice(end);
    update(next);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }

  function sendFiles(files: FileList | File[] | null) {
    if (!files || block || !canUpload) return;
    for (const file of [...files].slice(0, 5)) onSendFile(file);
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.files];
    if (files.length > 0) {
      event.preventDefault();
      sendFiles(files);
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    sendFiles(event.dataTransfer.files);
  }

  if (block) {
    return (
      <div className="shrink-0 border-t border-slate-200 bg-white px-5 py-4" data-testid="composer-blocked">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
          <p className="text-sm text-slate-600" role="status">{block.reason}</p>
          {block.action && (
            <button type="button" onClick={block.action.onClick} disabled={block.action.isBusy}
              className="shrink-0 rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
              {block.action.label}
            </button>
          )}
        </div>
      </div>
    );
  }

  return (
    <div
      className="shrink-0 border-t border-slate-200 bg-white px-5 pb-3 pt-3"
      onDragOver={(event) => {
        if (!canUpload || !event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setIsDragging(true);
      }}
      onDragLeave={() => setIsDragging(false)}
      onDrop={onDrop}
    >
      <div className={`relative mx-auto max-w-3xl rounded-xl border bg-white shadow-sm transition focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-100 ${isDragging ? "border-brand-500 ring-2 ring-brand-100" : "border-slate-300"}`}>
        {isDragging && (
          <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-xl bg-brand-50/90 text-sm font-medium text-brand-700">
            {t("drop")}
          </div>
        )}
        <SavedReplyPickerList picker={picker} />
        <label htmlFor={`${hintId}-input`} className="sr-only">{t("reply")}</label>
        <textarea
          {...shortcutProps("reply")}
          id={`${hintId}-input`}
          ref={textareaRef}
          value={text}
          onChange={(event) => {
            update(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => setTyping(false)}
          rows={2}
          placeholder={t("placeholder")}
          aria-autocomplete="list"
          aria-controls={picker.isOpen && picker.items.length > 0 ? picker.listboxId : undefined}
          aria-activedescendant={picker.isOpen && picker.items.length > 0 ? picker.optionId(picker.activeIndex) : undefined}
          aria-describedby={`${counterId} ${hintId}`}
          aria-invalid={isTooLong}
          className="block max-h-52 w-full resize-none rounded-t-xl bg-transparent px-3.5 pt-3 text-sm leading-relaxed text-slate-900 placeholder:text-slate-400 focus:outline-none focus-visible:outline-none"
        />
        <div className="flex items-center justify-between gap-2 px-2 pb-2">
          <div className="relative flex items-center gap-0.5">
            <button type="button" onClick={() => setIsEmojiOpen((open) => !open)} aria-label={t("insertEmoji")} aria-expanded={isEmojiOpen} aria-haspopup="dialog"
              className="flex h-8 w-8 items-center justify-center rounded-lg text-lg text-slate-500 hover:bg-slate-100 hover:text-slate-700">
              <span aria-hidden>☺</span>
            </button>
            {isEmojiOpen && (
              <EmojiPicker
                className="absolute bottom-10 left-0"
                onSelect={(emoji) => {
                  insertEmoji(emoji);
                  setIsEmojiOpen(false);
                }}
                onClose={() => setIsEmojiOpen(false)}
              />
            )}
            {canUpload && (
              <>
                <button type="button" onClick={() => fileRef.current?.click()} aria-label={t("attach")}
                  className="flex h-8 w-8 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-700">
                  <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-[18px] w-[18px]">
                    <path d="M15.5 9.5 10 15a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7l5.3-5.3" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                </button>
                <input
                  ref={fileRef}
                  type="file"
                  accept={ACCEPTED_FILES}
                  multiple
                  className="hidden"
                  data-testid="attachment-input"
                  onChange={(event) => {
                    sendFiles(event.target.files);
                    event.target.value = "";
                  }}
                />
              </>
            )}
            <span id={hintId} className="ml-2 hidden text-xs text-slate-500 xl:inline">
              {t("hint")}
            </span>
          </div>
          <div className="flex items-center gap-3">
            <span id={counterId} data-testid="char-counter" aria-live={isTooLong ? "assertive" : "off"}
              className={`text-xs tabular-nums ${isTooLong ? "font-medium text-red-600" : text.length >= COUNTER_FROM ? "text-amber-600" : "text-slate-500"}`}>
              {t("counter", { count: text.length, max: MAX_TEXT_LENGTH })}
              {isTooLong && <span className="sr-only"> {t("tooLongToSend")}</span>}
            </span>
            <button type="button" onClick={send} disabled={!canSend}
              title={isTooLong ? t("maxTitle", { max: MAX_TEXT_LENGTH }) : undefined}
              className="rounded-lg bg-brand-600 px-4 py-1.5 text-sm font-medium text-white shadow-sm transition hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300">
              {t("send")}
            </button>
          </div>
        </div>
      </div>
      {isTooLong && (
        <p role="alert" className="mx-auto mt-1.5 max-w-3xl text-xs text-red-600">
          {t("tooLong", { max: MAX_TEXT_LENGTH, over: text.length - MAX_TEXT_LENGTH })}
        </p>
      )}
      {connection !== "connected" && (
        <p className="mx-auto mt-1.5 max-w-3xl text-xs text-amber-700">{t("reconnecting")}</p>
      )}
    </div>
  );
}
