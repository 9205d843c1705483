"use client";

// ASSIGN-6: "Accept auto-assign chats" / "Do not accept". Reverts and explains on failure.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { shortcutProps } from "./keyboard/shortcut-props";

export function AcceptSwitch({ initial }: { initial: boolean }) {
  const t = useTranslations("console.acceptSwitch");
  const [isOn, setIsOn] = useState(initial);
  const [hasFailed, setHasFailed] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  async function toggle() {
    const next = !isOn;
    setIsOn(next);
    setIsSaving(true);
    setHasFailed(false);
    const response = await fetch("/api/console/me", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ acceptAutoAssign: next }),
    }).catch(() => null);
    setIsSaving(false);
    if (!response?.ok) {
      setIsOn(!next);
      setHasFailed(true);
    }
  }

  return (
    <div className="flex items-center gap-2 text-sm">
      <button type="button" role="switch" aria-checked={isOn} aria-label={t("label")} {...shortcutProps("accept_switch")} onClick={toggle} disabled={isSaving}
        className={`relative h-5 w-9 rounded-full transition-colors ${isOn ? "bg-emerald-500" : "bg-slate-300"}`}>
        <span className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${isOn ? "left-4" : "left-0.5"}`} />
      </button>
      <span className="text-slate-600">{isOn ? t("on") : t("off")}</span>
      {hasFailed && <span role="alert" className="text-xs text-red-600">{t("failed")}</span>}
    </div>
  );
}
