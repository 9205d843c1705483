"use client";

// The widget's composer (CHAT-2): text up to 4,000 characters with a counter near the limit,
// the emoji picker, and a file button for images and videos. Enter sends, Shift+Enter breaks
// the line.
import { forwardRef, useImperativeHandle, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { EmojiPicker } from "@/components/emoji/emoji-picker";
import { toSupportedLocale } from "@/core/i18n/locale";
import { MAX_TEXT_LENGTH } from "@/shared/message-schemas";

/** The counter appears from here on, so it does not distract in ordinary messages. */
export const COUNTER_FROM = 3_500;

export interface ComposerHandle {
  focus(): void;
}

interface ComposerProps {
  isDisabled: boolean;
  onSend: (text: string) => boolean;
  onFile: (file: File) => void;
  onTyping: (isTyping: boolean) => void;
}

export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer({ isDisabled, onSend, onFile, onTyping }, ref) {
  const t = useTranslations("widget.composer");
  // NF-5: the picker's names, categories and search follow the widget's language.
  const locale = toSupportedLocale(useLocale()) ?? "en";
  const [text, setText] = useState("");
  const [isPickerOpen, setIsPickerOpen] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const selection = useRef<{ start: number; end: number } | null>(null);

  useImperativeHandle(ref, () => ({ focus: () => textareaRef.current?.focus() }), []);

  const length = text.trim().length;
  const isTooLong = text.length > MAX_TEXT_LENGTH;
  const canSend = !isDisabled && length > 0 && !isTooLong;

  function submit() {
    if (!canSend) return;
    if (onSend(text)) setText("");
    textareaRef.current?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  function handleChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setText(event.target.value);
    onTyping(event.target.value.trim().length > 0);
  }

  function rememberSelection() {
    const area = textareaRef.current;
    if (area) selection.current = { start: area.selectionStart, end: area.selectionEnd };
  }

  function insertEmoji(emoji: string) {
    const { start, end } = selection.current ?? { start: text.length, end: text.length };
    const next = text.slice(0, start) + emoji + text.slice(end);
    setText(next);
    const caret = start + emoji.length;
    selection.current = { start: caret, end: caret };
    setIsPickerOpen(false);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(caret, caret);
    });
  }

  function handleFiles(event: ChangeEvent<HTMLInputElement>) {
    for (const file of Array.from(event.target.files ?? [])) onFile(file);
    event.target.value = "";
  }

  return (
    <form
      className="relative border-t border-slate-200 bg-white p-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {isPickerOpen && (
        <EmojiPicker className="absolute bottom-full left-2 mb-2" locale={locale} onSelect={insertEmoji} onClose={() => setIsPickerOpen(false)} />
      )}
      <label htmlFor="widget-message" className="sr-only">
        {t("message")}
      </label>
      <textarea
        id="widget-message"
        ref={textareaRef}
        value={text}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        onSelect={rememberSelection}
        onBlur={rememberSelection}
        rows={2}
        disabled={isDisabled}
        placeholder={t("placeholder")}
        aria-describedby="widget-message-counter"
        aria-invalid={isTooLong}
        className="block max-h-32 w-full resize-none rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500 disabled:bg-slate-100"
      />
      <div className="mt-1.5 flex items-center gap-1">
        <button
          type="button"
          onClick={() => {
            rememberSelection();
            setIsPickerOpen((open) => !open);
          }}
          disabled={isDisabled}
          aria-label={t("addEmoji")}
          aria-expanded={isPickerOpen}
          aria-haspopup="dialog"
          className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <circle cx="12" cy="12" r="9" />
            <path d="M8.5 14.5s1.2 1.8 3.5 1.8 3.5-1.8 3.5-1.8M9 9.5h.01M15 9.5h.01" />
          </svg>
        </button>
        <button
          type="button"
          onClick={() => fileRef.current?.click()}
          disabled={isDisabled}
          aria-label={t("attach")}
          className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="m21 11-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7" />
          </svg>
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm"
          multiple
          onChange={handleFiles}
          className="sr-only"
          tabIndex={-1}
          aria-label={t("chooseFile")}
          data-testid="widget-file-input"
        />
        <span id="widget-message-counter" aria-live="polite" className={`ml-auto text-xs ${isTooLong ? "font-medium text-red-700" : "text-slate-500"}`}>
          {text.length >= COUNTER_FROM ? `${t("counter", { length: text.length, max: MAX_TEXT_LENGTH })}${isTooLong ? ` ${t("tooLong")}` : ""}` : ""}
        </span>
        <button type="submit" disabled={!canSend} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:bg-slate-300">
          {t("send")}
        </button>
      </div>
    </form>
  );
});
