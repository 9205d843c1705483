"use client";

import { useTranslations } from "next-intl";

export function SendButton(props: { label: string; isSending: boolean; isSent: boolean; disabled?: boolean; title?: string; onClick: () => void }) {
  const t = useTranslations("workbench.states");
  const disabled = props.disabled || props.isSending;
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.title}
      disabled={disabled}
      onClick={props.onClick}
      className={`shrink-0 rounded-md px-2.5 py-1 text-xs font-medium transition-colors ${
        props.isSent
          ? "bg-emerald-50 text-emerald-700"
          : disabled
            ? "cursor-not-allowed bg-slate-100 text-slate-500"
            : "bg-brand-600 text-white hover:bg-brand-700"
      }`}
    >
      {props.isSending ? t("sending") : props.isSent ? t("sent") : t("send")}
    </button>
  );
}
