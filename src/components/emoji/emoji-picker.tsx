"use client";

// Emoji picker shared by the buyer widget and the console composer:
//   <EmojiPicker locale="es" onSelect={(emoji) => insert(emoji)} onClose={() => setOpen(false)} />
// Built on frimousse (unstyled, virtualised, keyboard-navigable) with the full Emojibase set, its
// names and categories in the picker's locale. The data comes from our own origin
// (/emojibase-data, see src/app/emojibase-data), never from frimousse's default CDN; frimousse
// keeps it in localStorage after the first load. The search also matches the other language's
// names (emoji-search-terms.ts).
//
// The parent positions it and decides whether choosing an emoji also closes it. The picker calls
// onClose on Escape and on a pointer press outside itself, and gives focus back to whatever had it
// before opening (the button that opened it).
//
// Keyboard (frimousse): focus starts in the search box; the arrow keys move the highlighted emoji
// (typing highlights the first match), Enter chooses it, so "thumbs" then Enter inserts 👍. Tab
// moves to the list, where the arrows and Enter work the same way.
import { createContext, useCallback, useContext, useEffect, useId, useRef, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toSupportedLocale } from "@/core/i18n/locale";
import {
  EmojiPicker as Frimousse,
  defaultEmojiDataResolver,
  type EmojiDataResolver,
  type EmojiPickerListCategoryHeaderProps,
  type EmojiPickerListEmojiProps,
  type EmojiPickerListRowProps,
} from "frimousse";
import { otherEmojiLocale, withSearchTermsFrom, type EmojiLocale } from "./emoji-search-terms";

/** Where the Emojibase files are served: `${EMOJIBASE_URL}/${locale}/data.json`. */
const EMOJIBASE_URL = "/emojibase-data";
const COLUMNS = 8;


/**
 * The shown locale's data with the other locale's words added to the search. A module constant:
 * frimousse caches the result per resolver. If the other locale fails to load, the shown one
 * still works on its own.
 */
const resolveBilingualEmojiData: EmojiDataResolver = async (locale, options) => {
  const shownLocale: EmojiLocale = locale === "es" ? "es" : "en";
  const [shown, other] = await Promise.all([
    defaultEmojiDataResolver(shownLocale, options),
    Promise.resolve(defaultEmojiDataResolver(otherEmojiLocale(shownLocale), options)).catch(() => null),
  ]);
  return other ? withSearchTermsFrom(shown, other) : shown;
};

/**
 * Whether the last input was the keyboard, for the emoji buttons: the highlighted emoji is
 * scrolled into view when the keyboard moved it, not when the pointer hovers it.
 */
const KeyboardIsDrivingContext = createContext<() => boolean>(() => false);

export interface EmojiPickerProps {
  onSelect: (emoji: string) => void;
  onClose: () => void;
  /** Names, categories and search words (the other language is searched too); the page's language by default. */
  locale?: EmojiLocale;
  /** Extra classes for positioning (e.g. "absolute bottom-12 right-0"). */
  className?: string;
}

export function EmojiPicker({ onSelect, onClose, locale: chosenLocale, className = "" }: EmojiPickerProps) {
  const pageLocale = toSupportedLocale(useLocale()) ?? "en";
  const locale = chosenLocale ?? pageLocale;
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  // The picker's own words are the page's language (messages/<locale>/emoji.json).
  const t = useTranslations("emoji");
  const strings = { dialog: t("dialog"), search: t("search"), loading: t("loading"), empty: t("empty"), hint: t("hint") };
  const lastInputRef = useRef<"keyboard" | "pointer">("keyboard");
  const isKeyboardDriving = useCallback(() => lastInputRef.current === "keyboard", []);

  // Keep the close handler current without re-subscribing the document listeners.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    searchRef.current?.focus();
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) onCloseRef.current();
    };
    document.addEventListener("pointerdown", closeOnOutsidePress);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePress);
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    lastInputRef.current = "keyboard";
    // Stopped here so the widget and console Escape handlers (close the chat, leave the list)
    // do not also act on it.
    if (event.key === "Escape") {
      event.stopPropagation();
      event.preventDefault();
      onClose();
    }
  }

  return (
    <Frimousse.Root
      ref={rootRef}
      role="dialog"
      aria-label={strings.dialog}
      data-testid="emoji-picker"
      locale={locale}
      emojibaseUrl={EMOJIBASE_URL}
      resolveEmojiData={resolveBilingualEmojiData}
      columns={COLUMNS}
      onEmojiSelect={({ emoji }) => onSelect(emoji)}
      onKeyDown={handleKeyDown}
      onPointerMove={() => {
        lastInputRef.current = "pointer";
      }}
      className={`z-30 flex h-80 w-[19rem] max-w-[calc(100vw-1rem)] flex-col rounded-lg border border-slate-200 bg-white p-2 text-slate-900 shadow-lg ${className}`}
    >
      <label className="sr-only" htmlFor={searchId}>
        {strings.search}
      </label>
      <Frimousse.Search
        ref={searchRef}
        id={searchId}
        placeholder={strings.search}
        className="mb-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      <Frimousse.Viewport tabIndex={0} className="relative flex-1 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
        <Frimousse.Loading className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">{strings.loading}</Frimousse.Loading>
        <Frimousse.Empty className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">{strings.empty}</Frimousse.Empty>
        <KeyboardIsDrivingContext.Provider value={isKeyboardDriving}>
          <Frimousse.List className="select-none pb-1" components={{ CategoryHeader, Row, Emoji }} />
        </KeyboardIsDrivingContext.Provider>
      </Frimousse.Viewport>
      <Frimousse.ActiveEmoji>
        {({ emoji }) => (
          <p className="truncate border-t border-slate-100 px-1 pt-1 text-xs text-slate-600">
            {emoji ? `${emoji.emoji} ${emoji.label}` : strings.hint}
          </p>
        )}
      </Frimousse.ActiveEmoji>
    </Frimousse.Root>
  );
}

function CategoryHeader({ category, ...props }: EmojiPickerListCategoryHeaderProps) {
  return (
    <div {...props} className="bg-white px-1 pb-1 pt-2 text-xs font-medium text-slate-600">
      {category.label}
    </div>
  );
}

// Frimousse numbers rows and columns from 0, which ARIA forbids (indices start at 1; axe reports
// aria-valid-attr-value, critical). The rows and buttons below give 1-based indices. Frimousse
// finds the highlighted row by its aria-rowindex to scroll it into view, which the shift breaks by
// one row, so the highlighted button scrolls itself into view (revealInViewport) instead.
function Row({ children, "aria-rowindex": rowIndex, ...props }: EmojiPickerListRowProps) {
  return (
    <div {...props} aria-rowindex={typeof rowIndex === "number" ? rowIndex + 1 : rowIndex} className="px-0.5">
      {children}
    </div>
  );
}

function Emoji({ emoji, "aria-colindex": columnIndex, ...props }: EmojiPickerListEmojiProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const isKeyboardDriving = useContext(KeyboardIsDrivingContext);
  useEffect(() => {
    if (emoji.isActive && buttonRef.current && isKeyboardDriving()) revealInViewport(buttonRef.current);
  }, [emoji.isActive, isKeyboardDriving]);
  return (
    <button
      {...props}
      ref={buttonRef}
      type="button"
      aria-colindex={typeof columnIndex === "number" ? columnIndex + 1 : columnIndex}
      title={emoji.label}
      className="flex h-8 w-8 items-center justify-center rounded text-xl leading-none data-active:bg-brand-50 data-active:ring-1 data-active:ring-brand-500"
    >
      {emoji.emoji}
    </button>
  );
}

/** Scrolls the list just enough that `button` shows below the sticky category header. */
function revealInViewport(button: HTMLElement) {
  const viewport = button.closest<HTMLElement>("[frimousse-viewport]");
  if (!viewport) return;
  const headerHeight = Number.parseFloat(getComputedStyle(viewport).getPropertyValue("--frimousse-category-header-height")) || 0;
  const area = viewport.getBoundingClientRect();
  const cell = button.getBoundingClientRect();
  const visibleTop = area.top + headerHeight;
  if (cell.top < visibleTop) viewport.scrollTop -= visibleTop - cell.top;
  else if (cell.bottom > area.bottom) viewport.scrollTop += cell.bottom - area.bottom;
}
