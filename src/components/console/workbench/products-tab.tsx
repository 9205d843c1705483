"use client";

// CONSOLE-7: the shop's live products, searched by name or product id, each sendable as a card.
import { useEffect, useId, useState } from "react";
import { formatMoney, type WorkbenchProductsResponse } from "@/shared/workbench";
import { LoadMoreButton } from "./load-more-button";
import { EmptyState, ErrorState, LoadingState, SendError } from "./panel-states";
import { SendButton } from "./send-button";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";

const selectProducts = (page: WorkbenchProductsResponse) => ({ items: page.products, nextCursor: page.nextCursor });
const SEARCH_DEBOUNCE_MS = 250;

export function ProductsTab({ canSend, onSendProduct, refreshKey }: { canSend: boolean; onSendProduct: SendCallback; refreshKey?: unknown }) {
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
        <label htmlFor={searchId} className="sr-only">Search products</label>
        <input
          id={searchId}
          type="search"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          placeholder="Search by name or product id"
          maxLength={100}
          className="w-full rounded-md border border-slate-200 px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none"
        />
      </form>
      <SendError message={sender.error} />
      {list.status === "loading" || list.status === "idle" ? (
        <LoadingState label="Loading products…" />
      ) : list.status === "error" ? (
        <ErrorState message={list.error ?? "Could not load products."} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <EmptyState>{query ? `No live product matches "${query}".` : "The shop has no live products yet."}</EmptyState>
      ) : (
        <>
          <ul aria-label="Products" className="divide-y divide-slate-100">
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
                    <span className="tabular-nums">{formatMoney(product.priceCents, product.currency)}</span> · {product.externalId} · {product.stock} in stock
                  </p>
                </div>
                <SendButton
                  label={`Send ${product.name}`}
                  disabled={!canSend}
                  title={canSend ? undefined : "Open a chat to send a product"}
                  isSending={sender.sendingId === product.id}
                  isSent={sender.sentId === product.id}
                  onClick={() => void sender.send(product.id)}
                />
              </li>
            ))}
          </ul>
          {list.hasMore && <LoadMoreButton label="Load more products" isLoading={list.isLoadingMore} onClick={list.loadMore} />}
        </>
      )}
    </div>
  );
}
