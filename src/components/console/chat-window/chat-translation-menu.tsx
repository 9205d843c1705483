"use client";

// SET-3: the chat's translation choice in the chat header: follow the shop's default, off,
// auto-detect the buyer's language, or a chosen buyer language. Shown only when an engine is
// configured (otherwise the console is exactly as without translation).
import { useId, useState } from "react";
import type { ChatTranslationDto } from "@/shared/dto";
import { LANGUAGE_NAMES, languageName } from "@/shared/translation";
import { useConsoleSocket } from "../console-socket-context";

export function ChatTranslationMenu({ conversationId, initial }: { conversationId: string; initial: ChatTranslationDto }) {
  const { call } = useConsoleSocket();
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
      setError(failure instanceof Error ? failure.message : "Translation could not be changed.");
    } finally {
      setIsSaving(false);
    }
  }

  const detected = translation.buyerLanguage ? ` (${languageName(translation.buyerLanguage)})` : "";
  return (
    <>
      <label htmlFor={id} className="sr-only">Translation for this chat</label>
      <select id={id} value={value} disabled={isSaving} onChange={(event) => void onChange(event.target.value)} data-testid="chat-translation"
        className="h-8 rounded-lg border border-slate-200 bg-white pl-2 pr-7 text-sm text-slate-700 hover:border-slate-300 focus:border-brand-500 focus:outline-none">
        <option value="shop">Translation: shop default{translation.override === "shop" ? (translation.on ? ` · on${detected}` : " · off") : ""}</option>
        <option value="off">Translation: off</option>
        <option value="auto">Translation: auto-detect{translation.override === "auto" ? detected : ""}</option>
        {Object.keys(LANGUAGE_NAMES).map((code) => (
          <option key={code} value={`language:${code}`}>Buyer writes {languageName(code)}</option>
        ))}
      </select>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </>
  );
}
