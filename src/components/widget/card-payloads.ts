// Card messages (CHAT-2) carry a snapshot in their payload. Two writers exist (the messaging
// service's plain snapshot and the workbench's versioned one, src/shared/workbench.ts), so the
// widget reads either shape into one view model and never trusts a field's type.
import type { MessageDto } from "@/shared/dto";
import { isSafeUrl } from "@/shared/safe-url";
import { formatDiscount, formatMoney, ORDER_STATUS_LABELS, type OrderStatusDto } from "@/shared/workbench";

const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Only web links and same-site paths (src/shared/safe-url.ts): never javascript: or "/\\host". */
export function safeUrl(value: unknown): string | null {
  const url = str(value);
  return url && isSafeUrl(url) ? url : null;
}

export interface ProductCardView {
  name: string;
  price: string | null;
  imageUrl: string | null;
  url: string | null;
}

export interface OrderCardView {
  number: string;
  status: string;
  total: string | null;
  placedAt: string | null;
  items: Array<{ name: string; quantity: number }>;
}

export interface VoucherCardView {
  voucherId: string | null;
  title: string;
  code: string | null;
  discount: string | null;
  minSpend: string | null;
  endsAt: string | null;
}

export function productCardOf(message: MessageDto): ProductCardView {
  const p = message.payload ?? {};
  const cents = num(p.priceCents);
  const currency = str(p.currency) ?? "USD";
  return {
    name: str(p.name) ?? message.body,
    price: str(p.priceLabel) ?? (cents !== null ? formatMoney(cents, currency) : null),
    imageUrl: safeUrl(p.imageUrl),
    url: safeUrl(p.url),
  };
}

export function orderCardOf(message: MessageDto): OrderCardView {
  const p = message.payload ?? {};
  const status = str(p.status);
  const cents = num(p.totalCents);
  const items = Array.isArray(p.items) ? p.items : [];
  return {
    number: str(p.orderNumber) ?? str(p.externalId) ?? message.body,
    status: str(p.statusLabel) ?? (status ? (ORDER_STATUS_LABELS[status as OrderStatusDto] ?? status) : ""),
    total: str(p.totalLabel) ?? (cents !== null ? formatMoney(cents, str(p.currency) ?? "USD") : null),
    placedAt: str(p.placedAt),
    items: items
      .map((item: unknown) => {
        const record = (item ?? {}) as Record<string, unknown>;
        return { name: str(record.name) ?? "", quantity: num(record.quantity) ?? 1 };
      })
      .filter((item) => item.name.length > 0),
  };
}

export function voucherCardOf(message: MessageDto): VoucherCardView {
  const p = message.payload ?? {};
  const currency = str(p.currency) ?? "USD";
  const discountType = p.discountType === "percentage" || p.discountType === "fixed_amount" ? p.discountType : null;
  const discountValue = num(p.discountValue);
  const minSpendCents = num(p.minSpendCents);
  return {
    voucherId: str(p.voucherId),
    title: str(p.title) ?? message.body,
    code: str(p.code),
    discount: str(p.discountLabel) ?? (discountType && discountValue !== null ? formatDiscount({ discountType, discountValue, currency }) : null),
    minSpend: str(p.minSpendLabel) ?? (minSpendCents ? `Min. spend ${formatMoney(minSpendCents, currency)}` : null),
    endsAt: str(p.endsAt),
  };
}
