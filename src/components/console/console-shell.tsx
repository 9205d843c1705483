"use client";

// The console frame: navigation, the chat list, the chat window and the buyer/workbench column,
// the accept switch, the avatar menu, and notifications (CONSOLE-8). The selected chat lives in
// the address (?c=…), so a reload or a notification click opens the same chat.
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { AvatarMenu, type ShopOption } from "./avatar-menu";
import { AcceptSwitch } from "./accept-switch";
import { ChatList } from "./chat-list";
import { ChatWorkspace } from "./chat-window/chat-workspace";
import { ConsoleSocketProvider, useConsoleSocket } from "./console-socket-context";
import { usesChannel } from "@/core/notifications/prefs";
import { DesktopPermissionBanner } from "./notifications/desktop-permission-banner";
import { useConsoleNotifications, type NotificationPrefs } from "./notifications/use-console-notifications";
import { ShortcutsDialog } from "./keyboard/shortcuts-dialog";
import { useConsoleShortcuts } from "./keyboard/use-console-shortcuts";
import { WorkbenchPanel } from "./workbench/workbench-panel";

/** The brand's name, the same in every language; its initial is the logo mark. */
const BRAND = "Counterpart";

export interface ConsoleMember {
  memberId: string;
  nickname: string;
  email: string;
  role: "owner" | "admin" | "agent";
  shopId: string;
  shopName: string;
  acceptAutoAssign: boolean;
}

export interface ConsoleShellProps {
  member: ConsoleMember;
  shops: ShopOption[];
  hasAcceptSwitch: boolean;
  canSeeAnalytics: boolean;
  /** session:view_all (chat access management, TEAM-5): the All open list. */
  canSeeAllChats: boolean;
  notificationPrefs: NotificationPrefs;
  initialConversationId: string | null;
  /** SHOP-3: the verify-your-email banner, when the person's address is not verified yet. */
  banner?: ReactNode;
  /** SHOP-2: sign-up is enabled, so the avatar menu offers "Create another shop". */
  canCreateShop?: boolean;
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
  const t = useTranslations("console.shell");
  const { state: connection, access } = useConsoleSocket();
  // TEAM-5: the server says when chat access changes; until then, what the page was rendered with.
  const canSeeAllChats = access?.canSeeAllChats ?? props.canSeeAllChats;
  const [selectedId, setSelectedId] = useState<string | null>(props.initialConversationId);
  const [isShortcutsOpen, setIsShortcutsOpen] = useState(false);
  useConsoleShortcuts(() => setIsShortcutsOpen(true));

  const select = useCallback((conversationId: string | null) => {
    setSelectedId(conversationId);
    const url = new URL(window.location.href);
    if (conversationId) url.searchParams.set("c", conversationId);
    else url.searchParams.delete("c");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}`);
  }, []);
  const clearSelection = useCallback(() => select(null), [select]);

  useConsoleNotifications({
    prefs: props.notificationPrefs,
    memberId: member.memberId,
    shopName: member.shopName,
    selectedConversationId: selectedId,
    onOpenConversation: select,
  });

  // Back and forward move between chats opened from notifications or links.
  useEffect(() => {
    const onPopState = () => setSelectedId(new URL(window.location.href).searchParams.get("c"));
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  return (
    <div className="flex h-screen flex-col">
      <a href="#chat-window-main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {t("skipToChat")}
      </a>
      <header className="flex h-14 shrink-0 items-center justify-between border-b border-slate-200 bg-white px-4">
        <div className="flex items-center gap-3">
          <span className="flex items-center gap-2 text-lg font-semibold tracking-tight text-brand-700">
            <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">{BRAND.charAt(0)}</span>
            {BRAND}
          </span>
          <span aria-hidden className="h-5 w-px bg-slate-200" />
          <span className="text-sm text-slate-600" data-testid="shop-name">{member.shopName}</span>
        </div>
        <div className="flex items-center gap-4">
          <span
            data-testid="connection-status"
            className={`flex items-center gap-1.5 text-xs ${connection === "connected" ? "text-emerald-700" : "text-amber-700"}`}
          >
            <span aria-hidden className={`h-2 w-2 rounded-full ${connection === "connected" ? "bg-emerald-500" : "bg-amber-500"}`} />
            {connection === "connected" ? t("connected") : connection === "refused" ? t("accessRefused") : t("connecting")}
          </span>
          {props.hasAcceptSwitch && <AcceptSwitch initial={member.acceptAutoAssign} />}
          <button
            type="button"
            onClick={() => setIsShortcutsOpen(true)}
            aria-keyshortcuts="?"
            title={t("shortcutsButtonTitle")}
            className="flex h-8 w-8 items-center justify-center rounded-lg border border-slate-200 text-sm text-slate-600 hover:bg-slate-50"
          >
            <span aria-hidden>⌨</span>
            <span className="sr-only">{t("shortcutsButton")}</span>
          </button>
          <AvatarMenu member={member} shops={props.shops} canCreateShop={props.canCreateShop} />
        </div>
      </header>
      {isShortcutsOpen && <ShortcutsDialog onClose={() => setIsShortcutsOpen(false)} />}
      {props.banner}
      <DesktopPermissionBanner isWanted={usesChannel(props.notificationPrefs, "desktop")} />

      <div className="flex min-h-0 flex-1">
        <nav aria-label={t("mainNav")} className="flex w-20 shrink-0 flex-col items-center gap-1 border-r border-slate-200 bg-white py-3 text-xs">
          <a href="/console" aria-current="page" className="w-16 rounded-md bg-brand-50 px-2 py-2 text-center font-medium text-brand-700">{t("chats")}</a>
          {/* Everyone has personal settings (SET-1, SET-2); the page shows what the role may change. */}
          <a href="/settings" className="w-16 rounded-md px-2 py-2 text-center text-slate-600 hover:bg-slate-100">{t("settings")}</a>
          {props.canSeeAnalytics && <a href="/analytics" className="w-16 rounded-md px-2 py-2 text-center text-slate-600 hover:bg-slate-100">{t("analytics")}</a>}
        </nav>

        {/* CONSOLE-9: narrower columns on smaller screens so the chat keeps its room (768 px up). */}
        <section aria-label={t("chatListRegion")} className="flex w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:w-72 xl:w-80">
          <ChatList selectedConversationId={selectedId} onSelect={select} memberId={member.memberId} canSeeAll={canSeeAllChats} />
        </section>

        <div id="chat-window-main" className="flex min-w-0 flex-1">
          <ChatWorkspace
            conversationId={selectedId}
            memberId={member.memberId}
            onClearSelection={clearSelection}
            renderWorkbench={(slot) => (
              <WorkbenchPanel
                conversationId={slot.conversationId}
                onSendProduct={slot.onSendProduct}
                onSendVoucher={slot.onSendVoucher}
                onSendOrder={slot.onSendOrder}
              />
            )}
          />
        </div>
      </div>
    </div>
  );
}
