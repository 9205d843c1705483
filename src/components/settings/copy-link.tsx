"use client";

// MAIL-1: a link the owner hands on themself (an invitation when there is no mail server): shown
// in a read-only field they can select, with a button that copies it to the clipboard.
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useHydrated } from "@/client/use-hydrated";
import { secondaryButtonClass } from "./ui";

export function CopyLink(props: { url: string; label: string }) {
  const t = useTranslations("settings.copyLink");
  const locale = useLocale();
  const id = useId();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const isHydrated = useHydrated();

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.url);
      setState("copied");
    } catch {
      // No clipboard permission (or an old browser): the field stays selectable.
      setState("failed");
    }
  }

  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">{props.label}</label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={props.url} onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-700" />
        <button type="button" className={secondaryButtonClass} onClick={() => void copy()} disabled={!isHydrated} aria-label={t("copyLabel", { label: props.label.toLocaleLowerCase(locale) })}>
          {state === "copied" ? t("copied") : t("copy")}
        </button>
      </div>
      <p aria-live="polite" className="mt-1 text-xs text-slate-500">
        {state === "copied" ? t("onClipboard") : state === "failed" ? t("notAllowed") : ""}
      </p>
    </div>
  );
}
