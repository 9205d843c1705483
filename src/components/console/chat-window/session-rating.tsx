// CHAT-7: the buyer's rating of a session, shown to the shop on the ended chat and in the
// session history: stars and, when they wrote one, the comment (plain text, rendered escaped).
import type { SessionDto } from "@/shared/dto";

const LABELS = ["", "Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"] as const;

export function Stars({ rating }: { rating: number }) {
  return (
    <span role="img" aria-label={`Rated ${rating} of 5`} title={LABELS[rating]} className="text-amber-500">
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

/** Stars, the label and the comment; nothing while the session is unrated. */
export function RatingSummary({ session, compact = false }: { session: Pick<SessionDto, "rating" | "ratingComment">; compact?: boolean }) {
  if (session.rating === null) return null;
  return (
    <span className={`inline-flex min-w-0 flex-wrap items-baseline gap-x-1.5 ${compact ? "" : "mt-1"}`} data-testid="session-rating">
      <Stars rating={session.rating} />
      <span className="text-xs text-slate-600">{LABELS[session.rating]}</span>
      {session.ratingComment && (
        <q className={`text-xs italic text-slate-700 ${compact ? "max-w-[24rem] truncate" : "whitespace-pre-line break-words"}`} title={session.ratingComment} data-testid="session-rating-comment">
          {session.ratingComment}
        </q>
      )}
    </span>
  );
}
