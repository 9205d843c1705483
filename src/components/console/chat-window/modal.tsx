"use client";

// Modal dialogs of the chat window (NF-5 keyboard use): the native <dialog> opened with
// showModal() makes the page behind it inert; Tab and Shift+Tab additionally wrap inside the
// dialog, Escape closes it, and focus returns to what opened it.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), video[controls], [tabindex]:not([tabindex="-1"])';

export interface ModalProps {
  title: string;
  /** Read by screen readers under the title. */
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Focus this element first (a CSS selector inside the dialog); the first focusable otherwise. */
  initialFocus?: string;
  size?: "sm" | "md" | "lg" | "media";
  hideTitle?: boolean;
}

export function Modal({ title, description, onClose, children, initialFocus, size = "md", hideTitle = false }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const target = (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener && document.contains(opener)) opener.focus();
    };
  }, [initialFocus]);

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== "Tab") return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((item) => item.offsetParent !== null || item === document.activeElement);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  const width = size === "sm" ? "max-w-sm" : size === "lg" ? "max-w-2xl" : size === "media" ? "max-w-[92vw]" : "max-w-md";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onKeyDown={onKeyDown}
      // The browser's own Escape handling would close without telling React.
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onCloseRef.current();
      }}
      className={`m-auto w-full ${width} rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 backdrop:backdrop-blur-[1px] ${size === "media" ? "bg-transparent shadow-none" : ""}`}
    >
      <div className={size === "media" ? "" : "p-5"}>
        <h2 id={titleId} className={hideTitle ? "sr-only" : "text-base font-semibold text-slate-900"}>{title}</h2>
        {description && <div id={descriptionId} className="mt-1 text-sm text-slate-600">{description}</div>}
        {children}
      </div>
    </dialog>
  );
}
