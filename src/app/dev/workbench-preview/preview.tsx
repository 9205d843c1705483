"use client";
// TEMPORARY preview (workbench engineer) — delete before commit.
import { useState } from "react";
import { WorkbenchPanel } from "@/components/console/workbench/workbench-panel";
export function Preview({ conversationId }: { conversationId: string | null }) {
  const [log, setLog] = useState<string[]>([]);
  const add = (what: string) => async (id: string) => { await new Promise((r) => setTimeout(r, 300)); setLog((l) => [...l, `${what}:${id}`]); };
  return (
    <div className="flex h-screen">
      <div className="flex-1 p-4 text-xs" data-testid="send-log">{log.join("\n")}</div>
      <aside aria-label="Workbench" className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
        <WorkbenchPanel conversationId={conversationId} onSendProduct={add("product")} onSendVoucher={add("voucher")} onSendOrder={add("order")} />
      </aside>
    </div>
  );
}
