// CHAT-7: the buyer's rating of a session, shown to the shop on the ended chat and in the
// session history: stars and, when they wrote one, the comment (plain text, rendered escaped).
"use client";

import { useTranslations } from "next-intl";
import type { SessionDto } from "@/shared/dto";

/** A rating's words (`chat.rating.labels.1` … `.5`); nothing for a figure outside 1–5. */
function useRatingLabel(): (rating: number) => string | undefined {
  const t = useTranslations("chat.rating.labels");
  return (rating) => (t.has(String(rating)) ? t(String(rating)) : undefined);
}

export function Stars({ rating }: { rating: number }) {
  const t = useTranslations("chat.rating");
  const label = useRatingLabel();
  return (
    <span role="img" aria-label={t("rated", { rating })} title={label(rating)} className="text-amber-500">
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

/** Stars, the label and the comment; nothing while the session is unrated. */
export function RatingSummary({ session, compact = false }: { session: Pick<SessionDto, "rating" | "ratingComment">; compact?: boolean }) {
  const label = useRatingLabel();
  if (session.rating === null) return null;
  return (
    <span className={`inline-flex min-w-0 flex-wrap items-baseline gap-x-1.5 ${compact ? "" : "mt-1"}`} data-testid="session-rating">
      <Stars rating={session.rating} />
      <span className="text-xs text-slate-600">{label(session.rating)}</span>
      {session.ratingComment && (
        <q className={`text-xs italic text-slate-700 ${compact ? "max-w-[24rem] truncate" : "whitespace-pre-line break-words"}`} title={session.ratingComment} data-testid="session-rating-comment">
          {session.ratingComment}
        </q>
      )}
    </span>
  );
}
