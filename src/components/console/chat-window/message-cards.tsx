// CHAT-2: product, order and voucher cards, from the snapshot stored in Message.payload
// (src/server/services/workbench/cards.ts), so history shows what was sent.
import type { OrderCardPayload, ProductCardPayload, VoucherCardPayload } from "./conversation-types";
import { formatDate, formatMoney } from "./format";
import { safeUrlOrNull } from "@/shared/safe-url";

const CARD = "w-72 max-w-full overflow-hidden rounded-xl border border-slate-200 bg-white text-left text-slate-800 shadow-sm";

export function ProductCard({ product: stored, label = "Product" }: { product: ProductCardPayload; label?: string }) {
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
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</p>
          <p className="line-clamp-2 text-sm font-medium leading-snug">{product.name}</p>
          <p className="mt-1 flex items-center gap-2 text-sm">
            <span className="font-semibold text-slate-900">{product.priceLabel}</span>
          </p>
        </div>
      </div>
      <div className="flex items-center justify-between border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">
        <span>SKU {product.externalId}</span>
        {product.url && (
          <a href={product.url} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-600 hover:underline">
            View product
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

export function OrderCard({ order, label = "Order" }: { order: OrderCardPayload; label?: string }) {
  const shown = order.items.slice(0, 3);
  return (
    <div className={CARD} data-testid="order-card">
      <div className="flex items-start justify-between gap-2 border-b border-slate-100 px-3 py-2">
        <div>
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</p>
          <p className="text-sm font-semibold">{order.orderNumber}</p>
        </div>
        <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${ORDER_STATUS_TONE[order.status] ?? "bg-amber-50 text-amber-700"}`}>{order.statusLabel}</span>
      </div>
      <ul className="space-y-0.5 px-3 py-2 text-xs text-slate-600">
        {shown.map((item, index) => (
          <li key={index} className="flex justify-between gap-2">
            <span className="truncate">{item.quantity} × {item.name}</span>
            <span className="shrink-0">{formatMoney(item.priceCents * item.quantity, order.currency)}</span>
          </li>
        ))}
        {order.items.length > shown.length && <li className="text-slate-500">+ {order.items.length - shown.length} more</li>}
      </ul>
      <div className="flex items-center justify-between border-t border-slate-100 px-3 py-1.5 text-xs">
        <span className="text-slate-500">Placed {formatDate(order.placedAt)}</span>
        <span className="font-semibold text-slate-900">{order.totalLabel}</span>
      </div>
    </div>
  );
}

export function VoucherCard({ voucher }: { voucher: VoucherCardPayload }) {
  const discount = voucher.discountLabel;
  return (
    <div className={`${CARD} border-dashed border-rose-200`} data-testid="voucher-card">
      <div className="flex items-stretch">
        <div className="flex w-20 shrink-0 flex-col items-center justify-center bg-rose-50 px-2 text-center text-rose-700">
          <span className="text-lg font-bold leading-tight">{discount.split(" ")[0]}</span>
          <span className="text-[11px] font-medium">off</span>
        </div>
        <div className="min-w-0 flex-1 p-3">
          <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500">Voucher</p>
          <p className="text-sm font-medium leading-snug">{voucher.title}</p>
          <p className="mt-1 text-xs text-slate-500">
            {voucher.minSpendLabel ? `${voucher.minSpendLabel} · ` : ""}Valid until {formatDate(voucher.endsAt)}
          </p>
          <p className="mt-1 font-mono text-xs text-slate-700">Code {voucher.code}</p>
        </div>
      </div>
    </div>
  );
}
