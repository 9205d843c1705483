"use client";

// SET-4: the blocked-buyers list in settings. Pages of 25 (most recently blocked first, "Show
// more" follows the server's cursor), a search over nickname, email and the shop's id for the
// buyer, and Unblock, which takes effect at once (the buyer can write again).
import { useId, useMemo, useState, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { BlockedBuyerDto, BlockedBuyersPageDto } from "@/shared/blocked-buyers";
import { callApi } from "./api";
import { useErrorTexts } from "./error-text";
import { useCursorPages } from "./use-cursor-pages";
import { Notice, SettingsSection, inputClass, primaryButtonClass, secondaryButtonClass } from "./ui";

function pageUrl(q: string, cursor: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/api/console/blocked-buyers${query ? `?${query}` : ""}`;
}

export function BlockedBuyersPanel({ initialPage, canUnblock }: { initialPage: BlockedBuyersPageDto; canUnblock: boolean }) {
  const t = useTranslations("settings.blocked");
  const errorTexts = useErrorTexts();
  const locale = useLocale();
  const dateTime = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }), [locale]);
  const [query, setQuery] = useState("");
  const [unblocking, setUnblocking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const searchId = useId();
  const pages = useCursorPages<BlockedBuyerDto>(initialPage, (text) => setMessage({ tone: "error", text: errorTexts.field(text) }));
  const { items, setItems, nextCursor, appliedQuery, isLoading } = pages;
  const load = (q: string, cursor: string | null) => pages.load(pageUrl(q, cursor), q, cursor);

  function search(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    void load(query.trim(), null);
  }

  async function unblock(buyer: BlockedBuyerDto) {
    setUnblocking(buyer.buyerId);
    setMessage(null);
    const result = await callApi<null>("/api/console/blocked-buyers", { method: "DELETE", json: { buyerId: buyer.buyerId } });
    setUnblocking(null);
    // Already unblocked elsewhere: the row goes either way, the message says what happened.
    if (result.ok || result.error.code === "NOT_FOUND") {
      setItems((previous) => previous.filter((item) => item.buyerId !== buyer.buyerId));
      setMessage({ tone: "success", text: t(result.ok ? "unblocked" : "alreadyUnblocked", { nickname: buyer.nickname }) });
      return;
    }
    setMessage({ tone: "error", text: errorTexts.message(result.error) });
  }

  return (
    <SettingsSection title={t("title")} description={t("description")} headingId="blocked-buyers-heading">
      <form role="search" onSubmit={search} className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={searchId} className="sr-only">{t("searchLabel")}</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={100}
            placeholder={t("searchPlaceholder")} className={inputClass} />
        </div>
        <button type="submit" className={primaryButtonClass} disabled={isLoading}>{t("search")}</button>
        {appliedQuery && (
          <button type="button" className={secondaryButtonClass} onClick={() => { setQuery(""); void load("", null); }}>{t("clear")}</button>
        )}
      </form>
      {message && <div className="mt-3"><Notice tone={message.tone} testId="blocked-buyers-message">{message.text}</Notice></div>}
      {items.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="blocked-buyers-empty">
          {appliedQuery ? t("noMatch", { query: appliedQuery }) : t("empty")}
        </p>
      ) : (
        <table className="mt-4 w-full text-left text-sm" aria-labelledby="blocked-buyers-heading">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">{t("buyer")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("reason")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("blockedAt")}</th>
              {canUnblock && <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("actions")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {items.map((buyer) => (
              <tr key={buyer.buyerId} className="border-b border-slate-100 align-top last:border-0" data-testid="blocked-buyer-row">
                <td className="py-2.5 pr-3">
                  <p className="font-medium text-slate-900">{buyer.nickname}</p>
                  {(buyer.email || buyer.externalId) && (
                    <p className="text-xs text-slate-500">{[buyer.email, buyer.externalId ? t("customerId", { id: buyer.externalId }) : null].filter(Boolean).join(" · ")}</p>
                  )}
                </td>
                <td className="max-w-xs whitespace-pre-line break-words py-2.5 pr-3 text-slate-700">{buyer.reason ?? <span className="text-slate-500">{t("noReason")}</span>}</td>
                <td className="py-2.5 pr-3 text-slate-700">
                  <time dateTime={buyer.blockedAt}>{dateTime.format(new Date(buyer.blockedAt))}</time>
                  <p className="text-xs text-slate-500">{buyer.blockedBy ? t("by", { name: buyer.blockedBy.nickname }) : t("byFormer")}</p>
                </td>
                {canUnblock && (
                  <td className="py-2.5 text-right">
                    <button type="button" className={secondaryButtonClass} disabled={unblocking === buyer.buyerId} onClick={() => void unblock(buyer)}
                      aria-label={t("unblockLabel", { nickname: buyer.nickname })}>
                      {unblocking === buyer.buyerId ? t("unblocking") : t("unblock")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" className={`${secondaryButtonClass} mt-4`} disabled={isLoading} onClick={() => void load(appliedQuery, nextCursor)}>
          {isLoading ? t("loading") : t("showMore")}
        </button>
      )}
    </SettingsSection>
  );
}
