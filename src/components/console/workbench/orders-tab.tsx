"use client";

// CONSOLE-7, SET-5: the chat's buyer's orders, newest first: status, items, total, and the
// carrier's contact details behind a disclosure button.
import { useId, useState } from "react";
import { formatMoney, type WorkbenchOrderDto, type WorkbenchOrdersResponse } from "@/shared/workbench";
import { LoadMoreButton } from "./load-more-button";
import { EmptyState, ErrorState, LoadingState, SendError, formatDate } from "./panel-states";
import { SendButton } from "./send-button";
import { OrderStatusBadge } from "./status-badge";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";

const selectOrders = (page: WorkbenchOrdersResponse) => ({ items: page.orders, nextCursor: page.nextCursor });

export function OrdersTab({ conversationId, onSendOrder, refreshKey }: { conversationId: string | null; onSendOrder: SendCallback; refreshKey?: unknown }) {
  const url = conversationId ? `/api/workbench/conversations/${encodeURIComponent(conversationId)}/orders?limit=20` : null;
  const list = usePagedList(url, selectOrders, refreshKey);
  const sender = useSendAction(onSendOrder);

  if (!conversationId) return <EmptyState>Open a chat to see the buyer&apos;s orders.</EmptyState>;
  if (list.status === "loading" || list.status === "idle") return <LoadingState label="Loading orders…" />;
  if (list.status === "error") return <ErrorState message={list.error ?? "Could not load orders."} onRetry={list.retry} />;
  if (list.items.length === 0) return <EmptyState>{list.firstPage?.buyer.nickname ?? "This buyer"} has no orders yet.</EmptyState>;

  return (
    <div>
      <SendError message={sender.error} />
      <ul aria-label="Orders" className="divide-y divide-slate-100">
        {list.items.map((order) => (
          <OrderItem
            key={order.id}
            order={order}
            isSending={sender.sendingId === order.id}
            isSent={sender.sentId === order.id}
            onSend={() => void sender.send(order.id)}
          />
        ))}
      </ul>
      {list.hasMore && <LoadMoreButton label="Load older orders" isLoading={list.isLoadingMore} onClick={list.loadMore} />}
    </div>
  );
}

function OrderItem({ order, isSending, isSent, onSend }: { order: WorkbenchOrderDto; isSending: boolean; isSent: boolean; onSend: () => void }) {
  const [isContactOpen, setIsContactOpen] = useState(false);
  const titleId = useId();
  const contactId = useId();
  const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <li aria-labelledby={titleId} data-testid="workbench-order" className="px-3 py-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={titleId} className="font-medium text-slate-900">
            Order {order.externalId}
          </p>
          <p className="text-xs text-slate-500">
            Placed {formatDate(order.placedAt)} · {itemCount} {itemCount === 1 ? "item" : "items"}
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul aria-label={`Items of order ${order.externalId}`} className="mt-2 space-y-1">
        {order.items.map((item) => (
          <li key={item.id} className="flex justify-between gap-2 text-xs text-slate-600">
            <span className="min-w-0 truncate" title={item.name}>
              {item.name} <span className="text-slate-500">× {item.quantity}</span>
            </span>
            <span className="shrink-0 tabular-nums">{formatMoney(item.priceCents * item.quantity, order.currency)}</span>
          </li>
        ))}
      </ul>
      <div className="mt-2 flex items-center justify-between gap-2">
        <p className="text-sm">
          <span className="text-slate-500">Total </span>
          <span className="font-semibold tabular-nums" data-testid="order-total">{formatMoney(order.totalCents, order.currency)}</span>
        </p>
        <div className="flex items-center gap-2">
          {order.logistics && (
            <button
              type="button"
              aria-expanded={isContactOpen}
              aria-controls={contactId}
              onClick={() => setIsContactOpen((open) => !open)}
              className="rounded-md px-2 py-1 text-xs text-brand-700 hover:bg-brand-50"
            >
              {isContactOpen ? "Hide carrier" : "Carrier contact"}
            </button>
          )}
          <SendButton label={`Send order ${order.externalId}`} isSending={isSending} isSent={isSent} onClick={onSend} />
        </div>
      </div>
      {order.logistics && isContactOpen && (
        <dl id={contactId} aria-label={`Carrier contact for order ${order.externalId}`} className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 p-2 text-xs">
          <dt className="text-slate-500">Carrier</dt>
          <dd className="text-slate-800">{order.logistics.carrier ?? "Not given"}</dd>
          <dt className="text-slate-500">Phone</dt>
          <dd>{order.logistics.phone ? <a className="text-brand-700 hover:underline" href={`tel:${order.logistics.phone.replace(/[^\d+]/g, "")}`}>{order.logistics.phone}</a> : "Not given"}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd>{order.logistics.email ? <a className="text-brand-700 hover:underline" href={`mailto:${order.logistics.email}`}>{order.logistics.email}</a> : "Not given"}</dd>
          <dt className="text-slate-500">Tracking</dt>
          <dd className="font-mono text-slate-800">{order.logistics.trackingNumber ?? "Not given"}</dd>
        </dl>
      )}
    </li>
  );
}
