// One chat in a list (CONSOLE-1): buyer, last message and its time, waiting time, the unread dot,
// the "Not replied" tag, category, star, the reply-clock status, the "Bot" badge while the FAQ
// chatbot answers (AUTO-5) and, once rated, the buyer's rating.
import { useLocale } from "next-intl";
import type { ChatListItemDto } from "@/core/console";
import { safeUrlOrNull } from "@/shared/safe-url";
import { useConsoleTranslate } from "../use-console-translate";
import { categoryLabel, formatListTime, formatWaiting } from "./format";

export function BuyerAvatar({ nickname, avatarUrl }: { nickname: string; avatarUrl: string | null }) {
  const safeAvatarUrl = safeUrlOrNull(avatarUrl);
  if (safeAvatarUrl) {
    return <img src={safeAvatarUrl} alt="" className="h-9 w-9 shrink-0 rounded-full object-cover" />;
  }
  return (
    <span aria-hidden className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-slate-200 text-sm font-medium text-slate-600">
      {nickname.slice(0, 1).toUpperCase()}
    </span>
  );
}

export function ChatListItem(props: { item: ChatListItemDto; now: Date; showAssignee: boolean }) {
  const { item, now } = props;
  const t = useConsoleTranslate();
  const locale = useLocale();
  const isClosed = item.state === "ended" || item.state === "expired";
  return (
    <div className="flex gap-3">
      <span className="relative">
        <BuyerAvatar nickname={item.buyer.nickname} avatarUrl={item.buyer.avatarUrl} />
        {item.isUnread && (
          <span data-testid="unread-dot" className="absolute -right-0.5 -top-0.5 h-2.5 w-2.5 rounded-full border-2 border-white bg-red-500">
            <span className="sr-only">{t("chatItem.newMessages")}</span>
          </span>
        )}
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-2">
          <span className={`truncate text-sm ${item.isUnread ? "font-semibold text-slate-900" : "font-medium text-slate-800"}`} data-testid="buyer-nickname">
            {item.buyer.nickname}
          </span>
          {item.starred && (
            <span className="text-amber-500" title={t("chatItem.starred")}>
              <span aria-hidden>★</span>
              <span className="sr-only">{t("chatItem.starred")}</span>
            </span>
          )}
          <span className="ml-auto shrink-0 text-xs text-slate-500">
            {item.lastMessageAt ? <time dateTime={item.lastMessageAt}>{formatListTime(item.lastMessageAt, now, t, locale)}</time> : null}
          </span>
        </div>
        <p className={`truncate text-xs ${item.isUnread ? "text-slate-800" : "text-slate-500"}`} data-testid="last-message">
          {item.lastMessagePreview ?? t("chatItem.noMessages")}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-1 text-[11px]">
          {item.withBot && (
            // AUTO-5: the FAQ chatbot is answering; no reply clock runs until it hands over.
            <span data-testid="bot-badge" title={t("chatItem.botTitle")} className="rounded border border-violet-200 bg-violet-50 px-1.5 py-0.5 font-medium text-violet-800">
              {t("chatItem.bot")}<span className="sr-only">{t("chatItem.botDescription")}</span>
            </span>
          )}
          {item.isNotReplied && !isClosed && (
            <span className="rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-700">{t("chatItem.notReplied")}</span>
          )}
          {item.slaStatus === "overdue" && <span className="rounded bg-red-600 px-1.5 py-0.5 font-medium text-white">{t("chatItem.overdue")}</span>}
          {item.slaStatus === "due_soon" && <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-800">{t("chatItem.dueSoon")}</span>}
          {item.waitingSince && !isClosed && (
            <span className="text-slate-500" data-testid="waiting-time">{t("chatItem.waiting", { time: formatWaiting(item.waitingSince, now, t) })}</span>
          )}
          {item.category && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{categoryLabel(t, item.category)}</span>}
          {isClosed && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-500">{item.state === "expired" ? t("chatItem.expired") : t("chatItem.ended")}</span>}
          {item.rating !== null && (
            <span className="text-amber-600" title={t("chatItem.rated", { rating: item.rating })} data-testid="list-rating">
              <span aria-hidden>★{item.rating}</span>
              <span className="sr-only">{t("chatItem.rated", { rating: item.rating })}</span>
            </span>
          )}
          {props.showAssignee && (
            <span className="text-slate-500">{item.assignee ? t("chatItem.withAssignee", { name: item.assignee.nickname }) : item.state === "queued" ? t("chatItem.unassigned") : ""}</span>
          )}
        </div>
      </div>
    </div>
  );
}
