"use client";

// The console frame (issue 2, item 8): navigation, chat list, chat window and workbench columns,
// the accept switch and the avatar menu. The chat features fill these columns in later issues.
import { useEffect, useState } from "react";
import { AvatarMenu, type ShopOption } from "./avatar-menu";
import { AcceptSwitch } from "./accept-switch";
import { ConsoleSocketProvider, useConsoleSocket } from "./console-socket-context";

export interface ConsoleMember {
  memberId: string;
  nickname: string;
  email: string;
  role: "owner" | "admin" | "agent";
  shopId: string;
  shopName: string;
  acceptAutoAssign: boolean;
}

const LIST_TABS = ["Assigned", "Unassigned", "All open", "History"] as const;
const WORKBENCH_TABS = ["Orders", "Products", "Vouchers"] as const;

export interface ConsoleShellProps {
  member: ConsoleMember;
  shops: ShopOption[];
  hasAcceptSwitch: boolean;
  canSeeSettings: boolean;
  canSeeAnalytics: boolean;
}

export function ConsoleShell(props: ConsoleShellProps) {
  return (
    <ConsoleSocketProvider>
      <ConsoleFrame {...props} />
    </ConsoleSocketProvider>
  );
}

function ConsoleFrame(props: ConsoleShellProps) {
  const { member } = props;
  const connection = useConsoleSocket().state;
  const [listTab, setListTab] = useState<(typeof LIST_TABS)[number]>("Assigned");
  const [workbenchTab, setWorkbenchTab] = useState<(typeof WORKBENCH_TABS)[number]>("Orders");
  useEffect(() => {
    document.title = `Console · ${member.shopName} · Counterpart`;
  }, [member.shopName]);

  return (
    <div className="flex h-screen flex-col">
      <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-3">
          <span className="text-lg font-semibold tracking-tight text-brand-700">Counterpart</span>
          <span className="text-sm text-slate-500" data-testid="shop-name">{member.shopName}</span>
        </div>
        <div className="flex items-center gap-4">
          <span
            data-testid="connection-status"
            className={`flex items-center gap-1.5 text-xs ${connection === "connected" ? "text-emerald-700" : "text-amber-700"}`}
          >
            <span aria-hidden className={`h-2 w-2 rounded-full ${connection === "connected" ? "bg-emerald-500" : "bg-amber-500"}`} />
            {connection === "connected" ? "Connected" : connection === "refused" ? "Access refused" : "Connecting…"}
          </span>
          {props.hasAcceptSwitch && <AcceptSwitch initial={member.acceptAutoAssign} />}
          <AvatarMenu member={member} shops={props.shops} />
        </div>
      </header>

      <div className="flex min-h-0 flex-1">
        <nav aria-label="Main" className="flex w-20 shrink-0 flex-col items-center gap-1 border-r border-slate-200 bg-white py-3 text-xs">
          <a href="/console" aria-current="page" className="w-16 rounded-md bg-brand-50 px-2 py-2 text-center font-medium text-brand-700">Chats</a>
          {props.canSeeSettings && <a href="/settings" className="w-16 rounded-md px-2 py-2 text-center text-slate-600 hover:bg-slate-100">Settings</a>}
          {props.canSeeAnalytics && <a href="/analytics" className="w-16 rounded-md px-2 py-2 text-center text-slate-600 hover:bg-slate-100">Analytics</a>}
        </nav>

        <section aria-label="Chat list" className="flex w-80 shrink-0 flex-col border-r border-slate-200 bg-white">
          <div role="tablist" aria-label="Chat lists" className="flex border-b border-slate-200 text-sm">
            {LIST_TABS.map((tab) => (
              <button key={tab} role="tab" aria-selected={listTab === tab} onClick={() => setListTab(tab)}
                className={`flex-1 px-2 py-2.5 ${listTab === tab ? "border-b-2 border-brand-600 font-medium text-brand-700" : "text-slate-500 hover:text-slate-800"}`}>
                {tab}
              </button>
            ))}
          </div>
          <div className="flex flex-1 items-center justify-center p-6 text-center text-sm text-slate-400">
            No chats in {listTab} yet.
          </div>
        </section>

        <section aria-label="Chat window" className="flex min-w-0 flex-1 flex-col items-center justify-center bg-slate-50 text-sm text-slate-400">
          <p>Select a chat to start replying.</p>
        </section>

        <aside aria-label="Workbench" className="flex w-80 shrink-0 flex-col border-l border-slate-200 bg-white">
          <div role="tablist" aria-label="Workbench" className="flex border-b border-slate-200 text-sm">
            {WORKBENCH_TABS.map((tab) => (
              <button key={tab} role="tab" aria-selected={workbenchTab === tab} onClick={() => setWorkbenchTab(tab)}
                className={`flex-1 px-2 py-2.5 ${workbenchTab === tab ? "border-b-2 border-brand-600 font-medium text-brand-700" : "text-slate-500 hover:text-slate-800"}`}>
                {tab}
              </button>
            ))}
          </div>
          <div className="flex flex-1 items-center justify-center p-6 text-center text-sm text-slate-400">
            Open a chat to see the buyer&apos;s {workbenchTab.toLowerCase()}.
          </div>
        </aside>
      </div>
    </div>
  );
}
