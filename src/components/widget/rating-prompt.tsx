"use client";

// CHAT-7: after the chat ends the buyer rates it on five faces, optionally with a comment (typed
// before picking a face: one click still rates). SET-4: a blocked buyer is never asked.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { RATING_COMMENT_MAX } from "@/shared/rating";
import type { WidgetClient, WidgetState } from "./widget-client";

/** The five faces; their words are `widget.rating.choice1..5` (NF-5). */
export const RATING_CHOICES = [
  { value: 1, face: "😞", labelKey: "choice1" },
  { value: 2, face: "🙁", labelKey: "choice2" },
  { value: 3, face: "😐", labelKey: "choice3" },
  { value: 4, face: "🙂", labelKey: "choice4" },
  { value: 5, face: "😄", labelKey: "choice5" },
] as const;

export function RatingPrompt({ client, state }: { client: WidgetClient; state: WidgetState }) {
  const t = useTranslations("widget.rating");
  const session = state.session;
  const commentId = useId();
  const [comment, setComment] = useState("");
  if (!session || session.state !== "ended" || state.blockedNotice) return null;
  const justRated = state.ratedSessionIds.includes(session.id);
  if (session.rating !== null || justRated) {
    return justRated ? (
      <p role="status" className="border-t border-emerald-100 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="rating-thanks">
        {t("thanks")}
      </p>
    ) : null;
  }
  return (
    <fieldset className="border-t border-slate-200 bg-white px-3 py-2" data-testid="rating-prompt">
      <legend className="sr-only">{t("legend")}</legend>
      <p className="text-sm font-medium" aria-hidden="true">{t("question")}</p>
      <label htmlFor={commentId} className="mt-1 block text-xs text-slate-600">{t("commentLabel")}</label>
      <textarea id={commentId} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={RATING_COMMENT_MAX} rows={2}
        className="mt-1 w-full resize-none rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none" />
      <div className="mt-1 flex justify-between">
        {RATING_CHOICES.map((choice) => (
          <button key={choice.value} type="button" onClick={() => void client.rate(session.id, choice.value, comment)} aria-label={t(choice.labelKey)} title={t(choice.labelKey)}
            className="flex flex-col items-center rounded-md px-1.5 py-1 hover:bg-slate-100">
            <span aria-hidden="true" className="text-2xl leading-none">{choice.face}</span>
            <span aria-hidden="true" className="mt-0.5 text-[10px] leading-tight text-slate-600">{t(choice.labelKey)}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
