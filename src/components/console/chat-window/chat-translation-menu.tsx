"use client";

// SET-3: the chat's translation choice in the chat header: follow the shop's default, off,
// auto-detect the buyer's language, or a chosen buyer language. Shown only when an engine is
// configured (otherwise the console is exactly as without translation).
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { ChatTranslationDto } from "@/shared/dto";
import { LANGUAGE_NAMES } from "@/shared/translation";
import { useChatTexts } from "./chat-texts";
import { useConsoleSocket } from "../console-socket-context";

export function ChatTranslationMenu({ conversationId, initial }: { conversationId: string; initial: ChatTranslationDto }) {
  const { call } = useConsoleSocket();
  const t = useTranslations("chat.translationMenu");
  const { language: languageName, errorText } = useChatTexts();
  const id = useId();
  const [state, setState] = useState({ conversationId, translation: initial });
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // A new chat, or new details for it, start from what the server says.
  const translation = state.conversationId === conversationId ? state.translation : initial;
  if (!initial.available) return null;

  const value = translation.override === "language" ? `language:${translation.buyerLanguage ?? ""}` : translation.override;
  async function onChange(next: string) {
    const [mode, language] = next.split(":") as [ChatTranslationDto["override"], string | undefined];
    setIsSaving(true);
    setError(null);
    try {
      const saved = await call("conversation:set_translation", { conversationId, mode, ...(language ? { language } : {}) });
      setState({ conversationId, translation: saved });
    } catch (failure) {
      setError(errorText(failure instanceof Error ? (failure as Error & { code?: string }) : null, t("failed")));
    } finally {
      setIsSaving(false);
    }
  }

  const detected = translation.buyerLanguage ? languageName(translation.buyerLanguage) : null;
  const shopOption = translation.override !== "shop" ? t("shopDefault")
    : !translation.on ? t("shopDefaultOff")
      : detected ? t("shopDefaultOnDetected", { language: detected }) : t("shopDefaultOn");
  return (
    <>
      <label htmlFor={id} className="sr-only">{t("label")}</label>
      <select id={id} value={value} disabled={isSaving} onChange={(event) => void onChange(event.target.value)} data-testid="chat-translation"
        className="h-8 rounded-lg border border-slate-200 bg-white pl-2 pr-7 text-sm text-slate-700 hover:border-slate-300 focus:border-brand-500 focus:outline-none">
        <option value="shop">{shopOption}</option>
        <option value="off">{t("off")}</option>
        <option value="auto">{translation.override === "auto" && detected ? t("autoDetected", { language: detected }) : t("auto")}</option>
        {Object.keys(LANGUAGE_NAMES).map((code) => (
          <option key={code} value={`language:${code}`}>{t("buyerWrites", { language: languageName(code) })}</option>
        ))}
      </select>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </>
  );
}
