"use client";

// Who the agent is talking to (CONSOLE-6): nickname, identified or anonymous, the shop's id for
// them, the product or order they were viewing (WIDGET-2), and every session of the conversation
// with its assignment records: who, when and why (ASSIGN-8).
import { useId, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { describeAssignment } from "./assignment-text";
import type { ConversationDetailsDto, SessionHistoryEntryDto } from "./conversation-types";
import { useChatTexts } from "./chat-texts";
import { formatDateTime, initialsOf } from "./format";
import { OrderCard, ProductCard } from "./message-cards";
import { safeUrlOrNull } from "@/shared/safe-url";
import { Modal } from "./modal";
import { RatingSummary } from "./session-rating";

const STATE_TONE: Record<string, string> = {
  queued: "bg-amber-50 text-amber-700 ring-amber-200",
  open: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  ended: "bg-slate-100 text-slate-600 ring-slate-200",
  expired: "bg-slate-100 text-slate-500 ring-slate-200",
};
function SessionEntry({ entry, isCurrent }: { entry: SessionHistoryEntryDto; isCurrent: boolean }) {
  const { session } = entry;
  const t = useTranslations("chat.buyer");
  const categories = useTranslations("chat.categories");
  const assignmentT = useTranslations("chat.assignment");
  const locale = useLocale();
  return (
    <li className="relative pb-4 pl-5 last:pb-0" data-testid="session-history-entry">
      <span aria-hidden className={`absolute left-0 top-1.5 h-2.5 w-2.5 rounded-full ring-2 ring-white ${isCurrent ? "bg-brand-500" : "bg-slate-300"}`} />
      <div className="flex flex-wrap items-center gap-1.5">
        <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ring-1 ${STATE_TONE[session.state]}`}>{t(`states.${session.state}`)}</span>
        {session.category && <span className="text-xs text-slate-500">{categories(session.category)}</span>}
      </div>
      <RatingSummary session={session} />
      <p className="mt-1 text-xs text-slate-500">
        {session.closedAt
          ? t("startedClosed", { date: formatDateTime(entry.createdAt, locale), closed: formatDateTime(session.closedAt, locale) })
          : t("started", { date: formatDateTime(entry.createdAt, locale) })}
      </p>
      {entry.assignments.length > 0 && (
        <ol className="mt-2 space-y-1.5 border-l border-slate-100 pl-3">
          {entry.assignments.map((record) => {
            const text = describeAssignment(record, assignmentT);
            return (
              <li key={record.id} className="text-xs" data-testid="assignment-record">
                <p className="text-slate-800">
                  {text.title} <span className="text-slate-500">· {formatDateTime(record.createdAt, locale)}</span>
                </p>
                {text.why && <p className="text-slate-500">{text.why}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

export function BuyerPanel({ details, onChanged }: { details: ConversationDetailsDto; onChanged(): void }) {
  const { buyer, context, sessions } = details;
  const t = useTranslations("chat.buyer");
  const cards = useTranslations("chat.cards");
  const [showAll, setShowAll] = useState(false);
  const [isConfirmingBlock, setIsConfirmingBlock] = useState(false);
  const shown = showAll ? sessions : sessions.slice(0, 3);
  return (
    <section aria-label={t("label")} className="border-b border-slate-200" data-testid="buyer-panel">
      <div className="flex items-center gap-3 px-4 pb-3 pt-4">
        {safeUrlOrNull(buyer.avatarUrl) ? (
          <img src={safeUrlOrNull(buyer.avatarUrl)!} alt="" className="h-11 w-11 rounded-full object-cover" />
        ) : (
          <span aria-hidden className="flex h-11 w-11 items-center justify-center rounded-full bg-gradient-to-br from-sky-100 to-indigo-100 text-sm font-semibold text-indigo-700">
            {initialsOf(buyer.nickname)}
          </span>
        )}
        <div className="min-w-0">
          <p className="truncate font-semibold text-slate-900" data-testid="buyer-nickname">{buyer.nickname}</p>
          <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs">
            <span className={`rounded-full px-2 py-0.5 font-medium ${buyer.isIdentified ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>
              {buyer.isIdentified ? t("identified") : t("anonymous")}
            </span>
            {buyer.isBlocked && <span className="rounded-full bg-red-50 px-2 py-0.5 font-medium text-red-700">{t("blocked")}</span>}
          </p>
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 px-4 pb-3 text-xs">
        <dt className="text-slate-500">{t("customerId")}</dt>
        <dd className="truncate font-mono text-slate-800" data-testid="buyer-external-id">{buyer.externalId ?? "—"}</dd>
        <dt className="text-slate-500">{t("sessions")}</dt>
        <dd className="text-slate-800">{sessions.length}{sessions.length >= 20 ? "+" : ""}</dd>
      </dl>
      <div className="px-4 pb-3">
        {buyer.isBlocked ? (
          <button type="button" onClick={() => setIsConfirmingBlock(true)} className="text-xs font-medium text-brand-600 hover:underline">{t("unblock")}</button>
        ) : (
          <button type="button" onClick={() => setIsConfirmingBlock(true)} className="text-xs font-medium text-red-700 hover:underline">{t("block")}</button>
        )}
      </div>
      {isConfirmingBlock && (
        <BlockDialog buyerId={buyer.id} nickname={buyer.nickname} isBlocked={buyer.isBlocked} onClose={() => setIsConfirmingBlock(false)} onDone={() => {
          setIsConfirmingBlock(false);
          onChanged();
        }} />
      )}

      {(context.product || context.order) && (
        <div className="px-4 pb-3">
          <p className="mb-1.5 text-[11px] font-medium uppercase tracking-wide text-slate-500">{t("wasViewing")}</p>
          {context.order ? <OrderCard order={context.order} label={cards("orderInView")} /> : context.product ? <ProductCard product={context.product} label={cards("productInView")} /> : null}
        </div>
      )}

      <details className="group px-4 pb-3" open>
        <summary className="flex cursor-pointer list-none items-center justify-between rounded py-1 text-[11px] font-medium uppercase tracking-wide text-slate-500 hover:text-slate-600">
          {t("history")}
          <span aria-hidden className="transition group-open:rotate-180">▾</span>
        </summary>
        {sessions.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">{t("noSessions")}</p>
        ) : (
          <ol className="mt-2">
            {shown.map((entry) => (
              <SessionEntry key={entry.session.id} entry={entry} isCurrent={entry.session.id === details.currentSession?.id} />
            ))}
          </ol>
        )}
        {sessions.length > shown.length && (
          <button type="button" onClick={() => setShowAll(true)} className="mt-2 text-xs font-medium text-brand-600 hover:underline">
            {t("showEarlier", { count: sessions.length - shown.length })}
          </button>
        )}
      </details>
    </section>
  );
}

/** CHAT-9, SET-4: blocking stops the buyer's messages and closes their open session. */
function BlockDialog({ buyerId, nickname, isBlocked, onClose, onDone }: { buyerId: string; nickname: string; isBlocked: boolean; onClose(): void; onDone(): void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const reasonId = useId();
  const t = useTranslations("chat.buyer");
  const { errorText } = useChatTexts();

  async function submit() {
    setIsBusy(true);
    setError(null);
    const response = await fetch("/api/console/blocked-buyers", {
      method: isBlocked ? "DELETE" : "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(isBlocked ? { buyerId } : { buyerId, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    setIsBusy(false);
    if (response?.ok) onDone();
    else setError(errorText(body?.error, t("failed")));
  }

  return (
    <Modal
      title={isBlocked ? t("unblockTitle", { name: nickname }) : t("blockTitle", { name: nickname })}
      description={isBlocked ? t("unblockDescription") : t("blockDescription")}
      onClose={onClose}
      size="sm"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {!isBlocked && (
          <div className="mt-4">
            <label htmlFor={reasonId} className="text-sm font-medium text-slate-700">{t.rich("reason", { hint: (chunks) => <span className="font-normal text-slate-500">{chunks}</span> })}</label>
            <input id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={300}
              className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100" />
          </div>
        )}
        {error && <p role="alert" className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p>}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">{t("cancel")}</button>
          <button type="submit" disabled={isBusy}
            className={`rounded-lg px-4 py-2 text-sm font-medium text-white shadow-sm disabled:opacity-60 ${isBlocked ? "bg-brand-600 hover:bg-brand-700" : "bg-red-600 hover:bg-red-700"}`}>
            {isBusy ? t("saving") : isBlocked ? t("unblockAction") : t("blockAction")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
