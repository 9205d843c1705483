"use client";

// Copies a text to the clipboard and says so; when the browser refuses (no permission, an
// insecure origin), the text stays selectable next to the button.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/settings/ui";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const t = useTranslations("onboarding.copy");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={() => void copy()} className={secondaryButtonClass}>{label}</button>
      <span role="status" className="text-xs text-slate-500">{state === "copied" ? t("copied") : state === "failed" ? t("refused") : ""}</span>
    </span>
  );
}
