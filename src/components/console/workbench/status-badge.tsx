"use client";

import { useTranslations } from "next-intl";
import type { OrderStatusDto } from "@/shared/workbench";

const STATUS_STYLES: Record<OrderStatusDto, string> = {
  unpaid: "bg-slate-100 text-slate-700",
  to_ship: "bg-amber-50 text-amber-800",
  shipped: "bg-brand-50 text-brand-700",
  out_for_delivery: "bg-indigo-50 text-indigo-700",
  delayed: "bg-orange-50 text-orange-800",
  delivered: "bg-emerald-50 text-emerald-700",
  cancelled: "bg-slate-100 text-slate-500",
  returned: "bg-rose-50 text-rose-700",
};

export function OrderStatusBadge({ status }: { status: OrderStatusDto }) {
  const t = useTranslations("workbench.orderStatus");
  return (
    <span data-testid="order-status" className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${STATUS_STYLES[status]}`}>
      {t(status)}
    </span>
  );
}
