"use client";

// CHAT-2: product, order and voucher cards, from the snapshot stored in Message.payload
// (src/server/services/workbench/cards.ts), so history shows what was sent.
import { useLocale, useTranslations } from "next-intl";
import type { OrderCardPayload, ProductCardPayload, VoucherCardPayload } from "./conversation-types";
import { formatDate, formatMoney } from "./format";
import { safeUrlOrNull } from "@/shared/safe-url";

/** The card's amount in the member's language, or the stored label when the snapshot lacks the figure. */
function moneyOr(cents: number, currency: string, label: string, locale: string): string {
  return Number.isFinite(cents) && currency ? formatMoney(cents, currency, locale) : label;
}

const CARD = "w-72 max-w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-slate-800 shadow-sm";

// NF-5: money and dates from the snapshot's figures in the member's language (the stored
// labels are the server's English ones); the order status from its code.
export function ProductCard({ product: stored, label }: { product: ProductCardPayload; label?: string }) {
  const t = useTranslations("chat.cards");
  const locale = useLocale();
  // Links stored before src/shared/safe-url.ts existed are dropped rather than rendered.
  const product = { ...stored, imageUrl: safeUrlOrNull(stored.imageUrl), url: safeUrlOrNull(stored.url) };
  return (
    <div className={CARD} data-testid="product-card">
      <div className="flex gap-3 p-3">
        {product.imageUrl ? (
          <img src={product.imageUrl} alt="" className="h-16 w-16 shrink-0 rounded-lg border border-slate-100 object-cover" loading="lazy" />
        ) : (
          <div aria-hidden className="flex h-16 w-16 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-xl text-slate-500">▣</div>
        )}
        <div className="min-w-0 flex-1">
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label ?? t("product")}</p>
          <p className="line-clamp-2 text-sm font-medium leading-snug">{product.name}</p>
          <p className="mt-1 flex items-center gap-2 text-sm">
            <span className="font-semibold text-slate-900">{moneyOr(product.priceCents, product.currency, product.priceLabel, locale)}</span>
          </p>
        </div>
      </div>
      <div className="flex items-center justify-between border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">
        <span>{t("sku", { id: product.externalId })}</span>
        {product.url && (
          <a href={product.url} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-600 hover:underline">
            {t("viewProduct")}
          </a>
        )}
      </div>
    </div>
  );
}

const ORDER_STATUS_TONE: Record<string, string> = {
  delivered: "bg-emerald-50 text-emerald-700",
  shipped: "bg-sky-50 text-sky-700",
  out_for_delivery: "bg-sky-50 text-sky-700",
  cancelled: "bg-slate-100 text-slate-600",
  returned: "bg-slate-100 text-slate-600",
  delayed: "bg-amber-50 text-amber-700",
};

export function OrderCard({ order, label }: { order: OrderCardPayload; label?: string }) {
  const t = useTranslations("chat.cards");
  const statuses = useTranslations("chat.orderStatus");
  const locale = useLocale();
  const shown = order.items.slice(0, 3);
  return (
    <div className={CARD} data-testid="order-card">
      <div className="flex items-start justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <div>
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label ?? t("order")}</p>
          <p className="text-sm font-semibold">{order.orderNumber}</p>
        </div>
        <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${ORDER_STATUS_TONE[order.status] ?? "bg-amber-50 text-amber-700"}`}>{statuses.has(order.status) ? statuses(order.status) : order.statusLabel}</span>
      </div>
      <ul className="space-y-0.5 px-3 py-2 text-xs text-slate-600">
        {shown.map((item, index) => (
          <li key={index} className="flex justify-between gap-2">
            <span className="truncate">{item.quantity} × {item.name}</span>
            <span className="shrink-0">{formatMoney(item.priceCents * item.quantity, order.currency, locale)}</span>
          </li>
        ))}
        {order.items.length > shown.length && <li className="text-slate-500">{t("more", { count: order.items.length - shown.length })}</li>}
      </ul>
      <div className="flex items-center justify-between border-t border-slate-100 px-3 py-1.5 text-xs">
        <span className="text-slate-500">{t("placed", { date: formatDate(order.placedAt, locale) })}</span>
        <span className="font-semibold text-slate-900">{moneyOr(order.totalCents, order.currency, order.totalLabel, locale)}</span>
      </div>
    </div>
  );
}

export function VoucherCard({ voucher }: { voucher: VoucherCardPayload }) {
  const t = useTranslations("chat.cards");
  const locale = useLocale();
  // The figure of "10% off" / "$5.00 off": from the snapshot's numbers when it has them.
  const discount = voucher.discountType === "percentage" && Number.isFinite(voucher.discountValue) ? t("percent", { value: String(voucher.discountValue) })
    : voucher.discountType === "fixed_amount" && Number.isFinite(voucher.discountValue) ? formatMoney(voucher.discountValue, voucher.currency, locale)
      : voucher.discountLabel.split(" ")[0];
  return (
    <div className={`${CARD} border-dashed border-rose-200`} data-testid="voucher-card">
      <div className="flex items-stretch">
        <div className="flex w-20 shrink-0 flex-col items-center justify-center bg-rose-50 px-2 text-center text-rose-700">
          <span className="text-lg font-bold leading-tight">{discount}</span>
          <span className="text-[11px] font-medium">{t("off")}</span>
        </div>
        <div className="min-w-0 flex-1 p-3">
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{t("voucher")}</p>
          <p className="text-sm font-medium leading-snug">{voucher.title}</p>
          <p className="mt-1 text-xs text-slate-500">
            {voucher.minSpendLabel ? `${t("minSpend", { amount: formatMoney(voucher.minSpendCents, voucher.currency, locale) })} · ` : ""}{t("validUntil", { date: formatDate(voucher.endsAt, locale) })}
          </p>
          <p className="mt-1 font-mono text-xs text-slate-700">{t("code", { code: voucher.code })}</p>
        </div>
      </div>
    </div>
  );
}
