"use client";

// A modal confirmation on the native <dialog>: focus moves into it, Escape cancels, and the
// page behind is inert, with no extra library.
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { dangerButtonClass, secondaryButtonClass } from "./ui";

export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isBusy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("settings.confirm");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.isOpen && !dialog.open) dialog.showModal();
    if (!props.isOpen && dialog.open) dialog.close();
  }, [props.isOpen]);

  return (
    <dialog ref={ref} aria-labelledby="confirm-dialog-title" onCancel={(event) => { event.preventDefault(); props.onCancel(); }}
      className="m-auto w-full max-w-md rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
      <div className="p-6">
        <h2 id="confirm-dialog-title" className="text-lg font-semibold text-slate-900">{props.title}</h2>
        <div className="mt-2 text-sm text-slate-600">{props.children}</div>
        <div className="mt-6 flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={props.onCancel} autoFocus>{t("cancel")}</button>
          <button type="button" className={dangerButtonClass} onClick={props.onConfirm} disabled={props.isBusy}>
            {props.isBusy ? t("working") : props.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
