"use client";

// CHAT-7: after the chat ends the buyer rates it on five faces, optionally with a comment (typed
// before picking a face: one click still rates). SET-4: a blocked buyer is never asked.
import { useId, useState } from "react";
import { RATING_COMMENT_MAX } from "@/shared/rating";
import type { WidgetClient, WidgetState } from "./widget-client";

export const RATING_CHOICES = [
  { value: 1, face: "😞", label: "Very dissatisfied" },
  { value: 2, face: "🙁", label: "Dissatisfied" },
  { value: 3, face: "😐", label: "Neutral" },
  { value: 4, face: "🙂", label: "Satisfied" },
  { value: 5, face: "😄", label: "Very satisfied" },
] as const;

export function RatingPrompt({ client, state }: { client: WidgetClient; state: WidgetState }) {
  const session = state.session;
  const commentId = useId();
  const [comment, setComment] = useState("");
  if (!session || session.state !== "ended" || state.blockedNotice) return null;
  const justRated = state.ratedSessionIds.includes(session.id);
  if (session.rating !== null || justRated) {
    return justRated ? (
      <p role="status" className="border-t border-emerald-100 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="rating-thanks">
        Thank you for your feedback!
      </p>
    ) : null;
  }
  return (
    <fieldset className="border-t border-slate-200 bg-white px-3 py-2" data-testid="rating-prompt">
      <legend className="sr-only">Rate this chat</legend>
      <p className="text-sm font-medium" aria-hidden="true">How did we do?</p>
      <label htmlFor={commentId} className="mt-1 block text-xs text-slate-600">Anything to add? (optional, then pick a face)</label>
      <textarea id={commentId} value={comment} onChange={(event) => setComment(event.target.value)} maxLength={RATING_COMMENT_MAX} rows={2}
        className="mt-1 w-full resize-none rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none" />
      <div className="mt-1 flex justify-between">
        {RATING_CHOICES.map((choice) => (
          <button key={choice.value} type="button" onClick={() => void client.rate(session.id, choice.value, comment)} aria-label={choice.label} title={choice.label}
            className="flex flex-col items-center rounded-md px-1.5 py-1 hover:bg-slate-100">
            <span aria-hidden="true" className="text-2xl leading-none">{choice.face}</span>
            <span aria-hidden="true" className="mt-0.5 text-[10px] leading-tight text-slate-600">{choice.label}</span>
          </button>
        ))}
      </div>
    </fieldset>
  );
}
