"use client";

// CONSOLE-7: seller vouchers that can be sent now (within their dates, some left); the buyer
// claims them from the card in the widget.
import { useTranslations } from "next-intl";
import type { WorkbenchVoucherDto, WorkbenchVouchersResponse } from "@/shared/workbench";
import { EmptyState, ErrorState, LoadingState, SendError } from "./panel-states";
import { SendButton } from "./send-button";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";
import { useFormatDate, useFormatMoney } from "./workbench-texts";

const selectVouchers = (page: WorkbenchVouchersResponse) => ({ items: page.vouchers, nextCursor: null });

export function VouchersTab({ conversationId, onSendVoucher, refreshKey }: { conversationId: string | null; onSendVoucher: SendCallback; refreshKey?: unknown }) {
  const url = `/api/workbench/vouchers${conversationId ? `?conversationId=${encodeURIComponent(conversationId)}` : ""}`;
  const list = usePagedList(url, selectVouchers, refreshKey);
  const sender = useSendAction(onSendVoucher);
  const t = useTranslations("workbench.vouchers");
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  // "10% off" / "$5.00 off" from the voucher's figures, in the member's language.
  const discount = (voucher: WorkbenchVoucherDto) =>
    voucher.discountType === "percentage" ? t("percentOff", { value: String(voucher.discountValue) })
      : voucher.discountType === "fixed_amount" ? t("amountOff", { amount: formatMoney(voucher.discountValue, voucher.currency) })
        : voucher.discountLabel;

  if (list.status === "loading" || list.status === "idle") return <LoadingState label={t("loading")} />;
  if (list.status === "error") return <ErrorState error={list.error} fallback={t("loadFailed")} onRetry={list.retry} />;
  if (list.items.length === 0) return <EmptyState>{t("none")}</EmptyState>;

  return (
    <div>
      <SendError error={sender.error} />
      <ul aria-label={t("list")} className="divide-y divide-slate-100">
        {list.items.map((voucher) => (
          <li key={voucher.id} data-testid="workbench-voucher" className="flex items-start gap-3 px-3 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{voucher.title}</p>
              <p className="mt-0.5 text-xs text-slate-600">
                <span className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-amber-800">{voucher.code}</span>{" "}
                {discount(voucher)}
                {voucher.minSpendCents > 0 && <> · {t("minSpend", { amount: formatMoney(voucher.minSpendCents, voucher.currency) })}</>}
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                {t("until", { date: formatDate(voucher.endsAt) })} · <span data-testid="voucher-remaining">{t("remaining", { remaining: String(voucher.remaining), quantity: String(voucher.quantity) })}</span>
              </p>
              {voucher.isClaimedByBuyer && <p className="mt-1 text-xs font-medium text-emerald-700">{t("claimed")}</p>}
            </div>
            <SendButton
              label={t("send", { code: voucher.code })}
              disabled={!conversationId || voucher.isClaimedByBuyer === true}
              title={!conversationId ? t("openChat") : voucher.isClaimedByBuyer ? t("claimedAlready") : undefined}
              isSending={sender.sendingId === voucher.id}
              isSent={sender.sentId === voucher.id}
              onClick={() => void sender.send(voucher.id)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
