"use client";

// Copies a text to the clipboard and says so; when the browser refuses (no permission, an
// insecure origin), the text stays selectable next to the button.
import { useState } from "react";
import { secondaryButtonClass } from "@/components/settings/ui";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
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
      <span role="status" className="text-xs text-slate-500">{state === "copied" ? "Copied." : state === "failed" ? "Copying was refused by the browser: select the text and copy it." : ""}</span>
    </span>
  );
}
