"use client";

// The chat window's header: who, the session's state and holder, the category (CONSOLE-3), the
// star (CHAT-5), Transfer (CHAT-6) and End with confirmation (CHAT-7); for a queued session,
// "Assign to me" and "Assign to…" (ASSIGN-5); while the FAQ chatbot holds the chat, a line saying
// so (AUTO-5: assigning it ends the bot's part).
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { SessionCategoryDto, SessionDto } from "@/shared/dto";
import type { ConversationDetailsDto } from "./conversation-types";
import { CATEGORIES, initialsOf } from "./format";
import { RatingSummary } from "./session-rating";
import { shortcutProps } from "../keyboard/shortcut-props";
import { ChatTranslationMenu } from "./chat-translation-menu";

export interface ChatHeaderProps {
  details: ConversationDetailsDto;
  session: SessionDto | null;
  memberId: string;
  busy: string | null;
  onStar(starred: boolean): void;
  onCategory(category: SessionCategoryDto | null): void;
  onTransfer(): void;
  /** Chat access management (TEAM-5): take a chat another member holds. */
  onTransferToMe(): void;
  onEnd(): void;
  onAssignToMe(): void;
  onAssignTo(): void;
  /** CONSOLE-9: below 1,024 px the buyer panel and workbench are a drawer this button opens. */
  onOpenWorkbench?(): void;
  isWorkbenchOpen?: boolean;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function stateLine(session: SessionDto | null, memberId: string, t: Translate): { text: string; tone: string } {
  if (!session) return { text: t("noSession"), tone: "bg-slate-300" };
  switch (session.state) {
    case "queued":
      return session.withBot ? { text: t("withBot"), tone: "bg-violet-500" } : { text: t("waiting"), tone: "bg-amber-400" };
    case "open":
      return { text: session.assigneeId === memberId ? t("ongoingYou") : t("ongoingWith", { name: session.assigneeNickname ?? t("anotherMember") }), tone: "bg-emerald-500" };
    case "ended":
      return { text: t("ended"), tone: "bg-slate-400" };
    case "expired":
      return { text: t("expired"), tone: "bg-slate-400" };
  }
}

const BUTTON = "inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium transition disabled:cursor-not-allowed disabled:opacity-50";

export function ChatHeader(props: ChatHeaderProps) {
  const { details, session, memberId, busy } = props;
  const t = useTranslations("chat.header");
  const categories = useTranslations("chat.categories");
  const categoryId = useId();
  const line = stateLine(session, memberId, t);
  const isActive = session?.state === "queued" || session?.state === "open";
  const holdsIt = session?.state === "open" && session.assigneeId === memberId;
  const canManage = holdsIt || details.permissions.canTransferAny;
  const canTransfer = session?.state === "open" && canManage;
  const canEnd = session?.state === "queued" || (session?.state === "open" && canManage);
  const canTakeOver = session?.state === "open" && !holdsIt && details.permissions.canTransferAny;

  return (
    <header className="flex min-h-16 shrink-0 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-5 py-2.5">
      <div className="flex min-w-0 items-center gap-3">
        <span aria-hidden className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-sky-100 to-indigo-100 text-sm font-semibold text-indigo-700">
          {initialsOf(details.buyer.nickname)}
        </span>
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 truncate text-base font-semibold text-slate-900" data-testid="chat-title">
            {details.buyer.nickname}
            {details.buyer.isIdentified ? null : <span className="rounded bg-slate-100 px-1.5 py-px text-[11px] font-medium text-slate-500">{t("visitor")}</span>}
          </h2>
          <p className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="session-state">
            <span aria-hidden className={`h-2 w-2 rounded-full ${line.tone}`} />
            {line.text}
            {session && (session.state === "ended" || session.state === "expired") && session.rating !== null && (
              <>
                <span aria-hidden>·</span>
                <RatingSummary session={session} compact />
              </>
            )}
          </p>
          {session?.withBot && (
            // AUTO-5: say who is answering, and that a member may still take the chat.
            <p className="mt-0.5 text-xs text-violet-800" data-testid="bot-holds" role="note">
              {t("botHolds")}
            </p>
          )}
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-1.5">
        <ChatTranslationMenu conversationId={details.conversation.id} initial={details.translation} />
        {session && (
          <>
            <label htmlFor={categoryId} className="sr-only">{t("category")}</label>
            <select
              id={categoryId}
              value={session.category ?? ""}
              disabled={busy === "category"}
              onChange={(event) => props.onCategory((event.target.value || null) as SessionCategoryDto | null)}
              className="h-8 rounded-lg border border-slate-200 bg-white pl-2 pr-7 text-sm text-slate-700 hover:border-slate-300 focus:border-brand-500 focus:outline-none"
            >
              <option value="">{t("noCategory")}</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>{categories(category)}</option>
              ))}
            </select>
            <button
              type="button"
              aria-pressed={session.starred}
              aria-label={session.starred ? t("starred") : t("star")}
              {...shortcutProps("star")}
              title={session.starred ? t("removeStar") : t("star")}
              disabled={busy === "star"}
              onClick={() => props.onStar(!session.starred)}
              className={`${BUTTON} w-8 justify-center px-0 text-lg ${session.starred ? "text-amber-500 hover:bg-amber-50" : "text-slate-500 hover:bg-slate-100 hover:text-slate-600"}`}
            >
              <span aria-hidden>{session.starred ? "★" : "☆"}</span>
            </button>
          </>
        )}
        {session?.state === "queued" && (
          <>
            <button type="button" onClick={props.onAssignToMe} disabled={busy === "assign"} className={`${BUTTON} bg-brand-600 text-white shadow-sm hover:bg-brand-700`}>
              {busy === "assign" ? t("assigning") : t("assignToMe")}
            </button>
            {details.permissions.canAssignOther && (
              <button type="button" onClick={props.onAssignTo} className={`${BUTTON} border border-slate-200 bg-white text-slate-700 hover:bg-slate-50`}>
                {t("assignTo")}
              </button>
            )}
          </>
        )}
        {canTakeOver && (
          <button type="button" onClick={props.onTransferToMe} disabled={busy === "transfer"} className={`${BUTTON} bg-brand-600 text-white shadow-sm hover:bg-brand-700`}>
            {busy === "transfer" ? t("transferring") : t("transferToMe")}
          </button>
        )}
        {canTransfer && (
          <button type="button" onClick={props.onTransfer} {...shortcutProps("transfer")} className={`${BUTTON} border border-slate-200 bg-white text-slate-700 hover:bg-slate-50`}>
            <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4"><path d="M4 7h11m0 0-3-3m3 3-3 3M16 13H5m0 0 3-3m-3 3 3 3" strokeLinecap="round" strokeLinejoin="round" /></svg>
            {t("transfer")}
          </button>
        )}
        {isActive && canEnd && (
          <button type="button" onClick={props.onEnd} disabled={busy === "end"} {...shortcutProps("end")} className={`${BUTTON} border border-slate-200 bg-white text-red-700 hover:border-red-200 hover:bg-red-50`}>
            {t("endChat")}
          </button>
        )}
        {props.onOpenWorkbench && (
          <button type="button" onClick={props.onOpenWorkbench} aria-expanded={props.isWorkbenchOpen ?? false} aria-controls="console-workbench-drawer"
            data-testid="open-workbench" className={`${BUTTON} border border-slate-200 bg-white text-slate-700 hover:bg-slate-50 lg:hidden`}>
            {t("buyerAndWorkbench")}
          </button>
        )}
      </div>
    </header>
  );
}
