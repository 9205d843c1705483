"use client";

// SET-4: the blocked-buyers list in settings. Pages of 25 (most recently blocked first, "Show
// more" follows the server's cursor), a search over nickname, email and the shop's id for the
// buyer, and Unblock, which takes effect at once (the buyer can write again).
import { useId, useState, type FormEvent } from "react";
import type { BlockedBuyerDto, BlockedBuyersPageDto } from "@/shared/blocked-buyers";
import { callApi } from "./api";
import { useCursorPages } from "./use-cursor-pages";
import { Notice, SettingsSection, inputClass, primaryButtonClass, secondaryButtonClass } from "./ui";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

function pageUrl(q: string, cursor: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/api/console/blocked-buyers${query ? `?${query}` : ""}`;
}

export function BlockedBuyersPanel({ initialPage, canUnblock }: { initialPage: BlockedBuyersPageDto; canUnblock: boolean }) {
  const [query, setQuery] = useState("");
  const [unblocking, setUnblocking] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const searchId = useId();
  const pages = useCursorPages<BlockedBuyerDto>(initialPage, (text) => setMessage({ tone: "error", text }));
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
      setMessage(result.ok ? { tone: "success", text: `${buyer.nickname} is unblocked and can chat again.` } : { tone: "success", text: `${buyer.nickname} was already unblocked.` });
      return;
    }
    setMessage({ tone: "error", text: result.error.message });
  }

  return (
    <SettingsSection title="Blocked buyers" description="Block a buyer from their chat in the console (the buyer panel)." headingId="blocked-buyers-heading">
      <form role="search" onSubmit={search} className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor={searchId} className="sr-only">Search blocked buyers</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={100}
            placeholder="Search by nickname, email or customer id" className={inputClass} />
        </div>
        <button type="submit" className={primaryButtonClass} disabled={isLoading}>Search</button>
        {appliedQuery && (
          <button type="button" className={secondaryButtonClass} onClick={() => { setQuery(""); void load("", null); }}>Clear</button>
        )}
      </form>
      {message && <div className="mt-3"><Notice tone={message.tone} testId="blocked-buyers-message">{message.text}</Notice></div>}
      {items.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500" data-testid="blocked-buyers-empty">
          {appliedQuery ? `No blocked buyer matches “${appliedQuery}”.` : "No buyers are blocked."}
        </p>
      ) : (
        <table className="mt-4 w-full text-left text-sm" aria-labelledby="blocked-buyers-heading">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Buyer</th>
              <th scope="col" className="py-2 pr-3 font-medium">Reason</th>
              <th scope="col" className="py-2 pr-3 font-medium">Blocked</th>
              {canUnblock && <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {items.map((buyer) => (
              <tr key={buyer.buyerId} className="border-b border-slate-100 align-top last:border-0" data-testid="blocked-buyer-row">
                <td className="py-2.5 pr-3">
                  <p className="font-medium text-slate-900">{buyer.nickname}</p>
                  {(buyer.email || buyer.externalId) && (
                    <p className="text-xs text-slate-500">{[buyer.email, buyer.externalId ? `Customer id ${buyer.externalId}` : null].filter(Boolean).join(" · ")}</p>
                  )}
                </td>
                <td className="max-w-xs whitespace-pre-line break-words py-2.5 pr-3 text-slate-700">{buyer.reason ?? <span className="text-slate-500">No reason given</span>}</td>
                <td className="py-2.5 pr-3 text-slate-700">
                  <time dateTime={buyer.blockedAt}>{dateTime.format(new Date(buyer.blockedAt))}</time>
                  <p className="text-xs text-slate-500">by {buyer.blockedBy?.nickname ?? "a former member or the integration API"}</p>
                </td>
                {canUnblock && (
                  <td className="py-2.5 text-right">
                    <button type="button" className={secondaryButtonClass} disabled={unblocking === buyer.buyerId} onClick={() => void unblock(buyer)}
                      aria-label={`Unblock ${buyer.nickname}`}>
                      {unblocking === buyer.buyerId ? "Unblocking…" : "Unblock"}
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
          {isLoading ? "Loading…" : "Show more"}
        </button>
      )}
    </SettingsSection>
  );
}
