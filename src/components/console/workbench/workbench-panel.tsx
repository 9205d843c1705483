"use client";

// CONSOLE-7, SET-5: the workbench beside the chat — Orders, Products, Vouchers for one
// conversation. It reads through the workbench routes (workbench:read) and leaves sending to the
// chat: the callbacks store the card messages (card:send, voucher:send). `refreshKey` reloads the
// lists, e.g. when a voucher claim or an order event arrives.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { OrdersTab } from "./orders-tab";
import { ProductsTab } from "./products-tab";
import type { SendCallback } from "./use-send-action";
import { VouchersTab } from "./vouchers-tab";

/** The tabs' ids (also their English names); their words are `workbench.panel.tabs.<id>`. */
export const WORKBENCH_TABS = ["Orders", "Products", "Vouchers"] as const;
export type WorkbenchTab = (typeof WORKBENCH_TABS)[number];

export interface WorkbenchPanelProps {
  /** The open chat; null when none is open (products and vouchers still list, sending is off). */
  conversationId: string | null;
  onSendProduct: SendCallback;
  onSendVoucher: SendCallback;
  onSendOrder: SendCallback;
  initialTab?: WorkbenchTab;
  refreshKey?: unknown;
}

export function WorkbenchPanel(props: WorkbenchPanelProps) {
  const t = useTranslations("workbench.panel");
  const [tab, setTab] = useState<WorkbenchTab>(props.initialTab ?? "Orders");
  const baseId = useId();
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  // WAI-ARIA tabs: arrow keys, Home and End move between tabs (NF-5).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = WORKBENCH_TABS.indexOf(tab);
    const next =
      event.key === "ArrowRight" ? (index + 1) % WORKBENCH_TABS.length
        : event.key === "ArrowLeft" ? (index - 1 + WORKBENCH_TABS.length) % WORKBENCH_TABS.length
          : event.key === "Home" ? 0
            : event.key === "End" ? WORKBENCH_TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    setTab(WORKBENCH_TABS[next]!);
    tabRefs.current[next]?.focus();
  }

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="workbench-panel">
      <div role="tablist" aria-label={t("tablist")} className="flex shrink-0 border-b border-slate-200 text-sm" onKeyDown={onKeyDown}>
        {WORKBENCH_TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            id={`${baseId}-tab-${name}`}
            role="tab"
            type="button"
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            className={`flex-1 px-2 py-2.5 ${tab === name ? "border-b-2 border-brand-600 font-medium text-brand-700" : "text-slate-500 hover:text-slate-800"}`}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-panel-${tab}`}
        aria-labelledby={`${baseId}-tab-${tab}`}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto focus-visible:outline-offset-[-2px]"
      >
        {tab === "Orders" && <OrdersTab conversationId={props.conversationId} onSendOrder={props.onSendOrder} refreshKey={props.refreshKey} />}
        {tab === "Products" && <ProductsTab canSend={props.conversationId !== null} onSendProduct={props.onSendProduct} refreshKey={props.refreshKey} />}
        {tab === "Vouchers" && <VouchersTab conversationId={props.conversationId} onSendVoucher={props.onSendVoucher} refreshKey={props.refreshKey} />}
      </div>
    </div>
  );
}
