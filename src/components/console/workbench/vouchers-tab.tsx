"use client";

// CONSOLE-7: seller vouchers that can be sent now (within their dates, some left); the buyer
// claims them from the card in the widget.
import { formatMoney, type WorkbenchVouchersResponse } from "@/shared/workbench";
import { EmptyState, ErrorState, LoadingState, SendError, formatDate } from "./panel-states";
import { SendButton } from "./send-button";
import { usePagedList } from "./use-paged-list";
import { useSendAction, type SendCallback } from "./use-send-action";

const selectVouchers = (page: WorkbenchVouchersResponse) => ({ items: page.vouchers, nextCursor: null });

export function VouchersTab({ conversationId, onSendVoucher, refreshKey }: { conversationId: string | null; onSendVoucher: SendCallback; refreshKey?: unknown }) {
  const url = `/api/workbench/vouchers${conversationId ? `?conversationId=${encodeURIComponent(conversationId)}` : ""}`;
  const list = usePagedList(url, selectVouchers, refreshKey);
  const sender = useSendAction(onSendVoucher);

  if (list.status === "loading" || list.status === "idle") return <LoadingState label="Loading vouchers…" />;
  if (list.status === "error") return <ErrorState message={list.error ?? "Could not load vouchers."} onRetry={list.retry} />;
  if (list.items.length === 0) return <EmptyState>No voucher can be sent right now.</EmptyState>;

  return (
    <div>
      <SendError message={sender.error} />
      <ul aria-label="Vouchers" className="divide-y divide-slate-100">
        {list.items.map((voucher) => (
          <li key={voucher.id} data-testid="workbench-voucher" className="flex items-start gap-3 px-3 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">{voucher.title}</p>
              <p className="mt-0.5 text-xs text-slate-600">
                <span className="rounded bg-amber-50 px-1.5 py-0.5 font-mono text-amber-800">{voucher.code}</span>{" "}
                {voucher.discountLabel}
                {voucher.minSpendCents > 0 && <> · min. spend {formatMoney(voucher.minSpendCents, voucher.currency)}</>}
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                Until {formatDate(voucher.endsAt)} · <span data-testid="voucher-remaining">{voucher.remaining} of {voucher.quantity} left</span>
              </p>
              {voucher.isClaimedByBuyer && <p className="mt-1 text-xs font-medium text-emerald-700">Already claimed by this buyer</p>}
            </div>
            <SendButton
              label={`Send voucher ${voucher.code}`}
              disabled={!conversationId || voucher.isClaimedByBuyer === true}
              title={!conversationId ? "Open a chat to send a voucher" : voucher.isClaimedByBuyer ? "This buyer has claimed it already" : undefined}
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
