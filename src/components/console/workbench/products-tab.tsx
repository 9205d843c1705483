"use client";

// CONSOLE-7: the shop's live products, searched by name or product id, each sendable as a card.
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { WorkbenchProductsResponse } from "@/shared/workbench";
import { LoadMoreButton } from "./load-more-button";
import { EmptyState, ErrorState, LoadingState, SendError } from "./panel-states";
import { SendButton } from "./send-button";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";
import { useFormatMoney } from "./workbench-texts";

const selectProducts = (page: WorkbenchProductsResponse) => ({ items: page.products, nextCursor: page.nextCursor });
const SEARCH_DEBOUNCE_MS = 250;

export function ProductsTab({ canSend, onSendProduct, refreshKey }: { canSend: boolean; onSendProduct: SendCallback; refreshKey?: unknown }) {
  const t = useTranslations("workbench.products");
  const formatMoney = useFormatMoney();
  const [input, setInput] = useState("");
  const [query, setQuery] = useState("");
  const searchId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);
  const url = `/api/workbench/products?limit=20${query ? `&q=${encodeURIComponent(query)}` : ""}`;
  const list = usePagedList(url, selectProducts, refreshKey);
  const sender = useSendAction(onSendProduct);

  return (
    <div>
      <form role="search" className="border-b border-slate-100 p-3" onSubmit={(event) => { event.preventDefault(); setQuery(input.trim()); }}>
        <label htmlFor={searchId} className="sr-only">{t("search")}</label>
        <input
          id={searchId}
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder={t("placeholder")}
          maxLength={100}
          className="w-full rounded-md border border-slate-200 px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none"
        />
      </form>
      <SendError error={sender.error} />
      {list.status === "loading" || list.status === "idle" ? (
        <LoadingState label={t("loading")} />
      ) : list.status === "error" ? (
        <ErrorState error={list.error} fallback={t("loadFailed")} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <EmptyState>{query ? t("noMatch", { query }) : t("none")}</EmptyState>
      ) : (
        <>
          <ul aria-label={t("list")} className="divide-y divide-slate-100">
            {list.items.map((product) => (
              <li key={product.id} data-testid="workbench-product" className="flex items-center gap-3 px-3 py-2.5 text-sm">
                {product.imageUrl ? (
                  <img src={product.imageUrl} alt="" className="h-10 w-10 shrink-0 rounded-md bg-slate-100 object-cover" />
                ) : (
                  <span aria-hidden className="h-10 w-10 shrink-0 rounded-md bg-slate-100" />
                )}
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-slate-900" title={product.name}>{product.name}</p>
                  <p className="text-xs text-slate-500">
                    <span className="tabular-nums">{formatMoney(product.priceCents, product.currency)}</span> · {t("details", { id: product.externalId, stock: String(product.stock) })}
                  </p>
                </div>
                <SendButton
                  label={t("send", { name: product.name })}
                  disabled={!canSend}
                  title={canSend ? undefined : t("openChat")}
                  isSending={sender.sendingId === product.id}
                  isSent={sender.sentId === product.id}
                  onClick={() => void sender.send(product.id)}
                />
              </li>
            ))}
          </ul>
          {list.hasMore && <LoadMoreButton label={t("loadMore")} isLoading={list.isLoadingMore} onClick={list.loadMore} />}
        </>
      )}
    </div>
  );
}
