"use client";

// CONSOLE-7, SET-5: the chat's buyer's orders, newest first: status, items, total, and the
// carrier's contact details behind a disclosure button.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { WorkbenchOrderDto, WorkbenchOrdersResponse } from "@/shared/workbench";
import { LoadMoreButton } from "./load-more-button";
import { EmptyState, ErrorState, LoadingState, SendError } from "./panel-states";
import { SendButton } from "./send-button";
import { OrderStatusBadge } from "./status-badge";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";
import { useFormatDate, useFormatMoney } from "./workbench-texts";

const selectOrders = (page: WorkbenchOrdersResponse) => ({ items: page.orders, nextCursor: page.nextCursor });

export function OrdersTab({ conversationId, onSendOrder, refreshKey }: { conversationId: string | null; onSendOrder: SendCallback; refreshKey?: unknown }) {
  const url = conversationId ? `/api/workbench/conversations/${encodeURIComponent(conversationId)}/orders?limit=20` : null;
  const list = usePagedList(url, selectOrders, refreshKey);
  const sender = useSendAction(onSendOrder);
  const t = useTranslations("workbench.orders");

  if (!conversationId) return <EmptyState>{t("openChat")}</EmptyState>;
  if (list.status === "loading" || list.status === "idle") return <LoadingState label={t("loading")} />;
  if (list.status === "error") return <ErrorState error={list.error} fallback={t("loadFailed")} onRetry={list.retry} />;
  if (list.items.length === 0) return <EmptyState>{t("noOrders", { name: list.firstPage?.buyer.nickname ?? t("thisBuyer") })}</EmptyState>;

  return (
    <div>
      <SendError error={sender.error} />
      <ul aria-label={t("list")} className="divide-y divide-slate-100">
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
      {list.hasMore && <LoadMoreButton label={t("loadOlder")} isLoading={list.isLoadingMore} onClick={list.loadMore} />}
    </div>
  );
}

function OrderItem({ order, isSending, isSent, onSend }: { order: WorkbenchOrderDto; isSending: boolean; isSent: boolean; onSend: () => void }) {
  const t = useTranslations("workbench.orders");
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const [isContactOpen, setIsContactOpen] = useState(false);
  const titleId = useId();
  const contactId = useId();
  const itemCount = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <li aria-labelledby={titleId} data-testid="workbench-order" className="px-3 py-3 text-sm">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p id={titleId} className="font-medium text-slate-900">
            {t("order", { id: order.externalId })}
          </p>
          <p className="text-xs text-slate-500">
            {t("placed", { date: formatDate(order.placedAt), count: itemCount })}
          </p>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul aria-label={t("itemsOf", { id: order.externalId })} className="mt-2 space-y-1">
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
          <span className="text-slate-500">{t("total")} </span>
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
              {isContactOpen ? t("hideCarrier") : t("carrierContact")}
            </button>
          )}
          <SendButton label={t("send", { id: order.externalId })} isSending={isSending} isSent={isSent} onClick={onSend} />
        </div>
      </div>
      {order.logistics && isContactOpen && (
        <dl id={contactId} aria-label={t("carrierContactFor", { id: order.externalId })} className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md bg-slate-50 p-2 text-xs">
          <dt className="text-slate-500">{t("carrier")}</dt>
          <dd className="text-slate-800">{order.logistics.carrier ?? t("notGiven")}</dd>
          <dt className="text-slate-500">{t("phone")}</dt>
          <dd>{order.logistics.phone ? <a className="text-brand-700 hover:underline" href={`tel:${order.logistics.phone.replace(/[^\d+]/g, "")}`}>{order.logistics.phone}</a> : t("notGiven")}</dd>
          <dt className="text-slate-500">{t("email")}</dt>
          <dd>{order.logistics.email ? <a className="text-brand-700 hover:underline" href={`mailto:${order.logistics.email}`}>{order.logistics.email}</a> : t("notGiven")}</dd>
          <dt className="text-slate-500">{t("tracking")}</dt>
          <dd className="font-mono text-slate-800">{order.logistics.trackingNumber ?? t("notGiven")}</dd>
        </dl>
      )}
    </li>
  );
}
