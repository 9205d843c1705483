"use client";

// CONSOLE-8, SET-2: the console tells the member about four events, each on the channels the
// member chose for it (src/core/notifications/prefs.ts, Member.notificationPrefs):
// - buyer_message: a buyer writes in a chat this member can see (the server only sends them
//   those) and the member is not looking at it (the tab is hidden, or another chat is open);
// - chat_assigned: a chat is assigned to the member by routing or by a colleague;
// - transfer_to_me: a colleague transfers a chat to the member;
// - due_soon: the number of the member's chats in the due-soon band goes up (read from the live
//   status counts, which the server says when to read again).
// Nobody is told about a chat they moved themselves. The channels:
// - a short chime (sound),
// - a desktop notification while the tab is in the background (desktop; the browser's
//   permission is asked from a banner, and a refusal is respected),
// - the count in the tab title, "(3) Console · …" (badge): per chat, its unread buyer messages,
//   or 1 for a chat assigned or transferred to the member and not opened yet; plus the member's
//   chats due soon. A chat's count
//   clears when the member opens it in a visible tab or reads it elsewhere (conversation.read).
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { channelsFor, type NotificationEvent, type NotificationPrefs } from "@/core/notifications/prefs";
import type { MessageDto } from "@/shared/dto";
import type { MessageCreatedEvent, ReadChangedEvent, SessionChangedEvent } from "@/shared/events";
import { useStatusCounts } from "../chat-list/use-status-counts";
import { useConsoleEvent } from "../console-socket-context";
import { playChime, primeAudioOnInteraction } from "./chime";
import { consoleTitle } from "./console-title";

export type { NotificationPrefs };

export interface ConsoleNotificationsOptions {
  prefs: NotificationPrefs;
  memberId: string;
  shopName: string;
  selectedConversationId: string | null;
  onOpenConversation(conversationId: string): void;
}

/** A translator of `console.notifications`. */
type NotificationTranslate = (key: string, values?: Record<string, string | number>) => string;

export function previewOf(message: MessageDto, t: NotificationTranslate): string {
  switch (message.kind) {
    case "text":
      return message.body.length > 140 ? `${message.body.slice(0, 139)}…` : message.body;
    case "image":
      return t("sentImage");
    case "video":
      return t("sentVideo");
    case "product_card":
      return t("askedProduct", { body: message.body });
    case "order_card":
      return t("askedOrder", { body: message.body });
    default:
      return message.body;
  }
}

const nicknames = new Map<string, string>();

async function buyerNickname(conversationId: string): Promise<string | null> {
  const known = nicknames.get(conversationId);
  if (known) return known;
  try {
    const response = await fetch(`/api/console/conversations/${conversationId}`, { cache: "no-store" });
    const body = (await response.json()) as { data?: { buyer: { nickname: string } } };
    const nickname = body.data?.buyer.nickname ?? null;
    if (nickname) nicknames.set(conversationId, nickname);
    return nickname;
  } catch {
    return null;
  }
}

function isTabHidden(): boolean {
  return document.visibilityState !== "visible";
}

/** A chat's share of the tab badge: its unread buyer messages, or 1 for a chat just given to the member. */
interface ChatAttention {
  messages: number;
  isNewToMe: boolean;
}
const attentionCount = (chat: ChatAttention) => Math.max(chat.messages, chat.isNewToMe ? 1 : 0);

/** Reads the counts again this long after a change to one of the member's own chats. */
const COUNTS_SETTLE_MS = 400;

export function useConsoleNotifications({ prefs, memberId, shopName, selectedConversationId, onOpenConversation }: ConsoleNotificationsOptions): { unread: number } {
  const t = useTranslations("console.notifications");
  const titles = useTranslations("console.title");
  const [unreadByConversation, setUnreadByConversation] = useState<Map<string, ChatAttention>>(() => new Map());
  const seen = useRef(new Set<string>());
  const selectedRef = useRef(selectedConversationId);
  selectedRef.current = selectedConversationId;
  const prefsRef = useRef(prefs);
  prefsRef.current = prefs;
  const openRef = useRef(onOpenConversation);
  openRef.current = onOpenConversation;

  useEffect(() => primeAudioOnInteraction(), []);

  const clear = useCallback((conversationId: string) => {
    setUnreadByConversation((current) => {
      if (!current.has(conversationId)) return current;
      const next = new Map(current);
      next.delete(conversationId);
      return next;
    });
  }, []);

  /** One event on the channels the member chose for it. `conversationId` null: not about one chat. */
  const notify = useCallback((event: NotificationEvent, conversationId: string | null, text: (nickname: string | null) => { title: string; body: string }) => {
    const isHidden = isTabHidden();
    if (conversationId && !isHidden && selectedRef.current === conversationId) return;
    const channels = channelsFor(prefsRef.current, event);
    if (channels.badge && conversationId) {
      setUnreadByConversation((map) => {
        const current = map.get(conversationId) ?? { messages: 0, isNewToMe: false };
        return new Map(map).set(conversationId, event === "buyer_message" ? { ...current, messages: current.messages + 1 } : { ...current, isNewToMe: true });
      });
    }
    if (channels.sound) playChime();
    if (channels.desktop && (isHidden || !document.hasFocus()) && "Notification" in window && Notification.permission === "granted") {
      void (conversationId ? buyerNickname(conversationId) : Promise.resolve(null)).then((nickname) => {
        try {
          const { title, body } = text(nickname);
          const notification = new Notification(title, { body, tag: `counterpart-${conversationId ?? event}` });
          notification.onclick = () => {
            window.focus();
            if (conversationId) openRef.current(conversationId);
            notification.close();
          };
        } catch {
          // Some browsers only allow notifications from a service worker; the badge and sound remain.
        }
      });
    }
  }, []);

  const onMessage = useCallback((event: MessageCreatedEvent) => {
    const { message, conversationId } = event;
    if (message.authorType !== "buyer" || seen.current.has(message.id)) return;
    seen.current.add(message.id);
    if (seen.current.size > 2_000) seen.current = new Set([...seen.current].slice(-1_000));
    notify("buyer_message", conversationId, (nickname) => ({
      title: nickname ? t("buyerMessageTitle", { name: nickname, shop: shopName }) : t("newMessageTitle", { shop: shopName }),
      body: previewOf(message, (key, values) => t(key, values)),
    }));
  }, [notify, shopName, t]);
  useConsoleEvent("message.created", onMessage);

  // Due soon: the member's own due-soon count, read when the server says time changes a count and
  // shortly after one of their chats moves.
  const countsTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshCountsSoon = useRef<() => void>(() => undefined);
  const counts = useStatusCounts("all", () => refreshCountsSoon.current());
  const { refresh: refreshCounts } = counts;
  refreshCountsSoon.current = () => {
    clearTimeout(countsTimer.current);
    countsTimer.current = setTimeout(() => void refreshCounts(), COUNTS_SETTLE_MS);
  };
  useEffect(() => () => clearTimeout(countsTimer.current), []);
  const dueSoon = counts.counts?.assigned.dueSoon ?? null;
  const previousDueSoon = useRef<number | null>(null);
  useEffect(() => {
    if (dueSoon === null) return;
    const before = previousDueSoon.current;
    previousDueSoon.current = dueSoon;
    if (before !== null && dueSoon > before) {
      const more = dueSoon - before;
      notify("due_soon", null, () => ({ title: t("dueSoonTitle", { shop: shopName }), body: t("dueSoonBody", { count: more }) }));
    }
  }, [dueSoon, notify, shopName, t]);

  const onSessionChanged = useCallback((event: SessionChangedEvent) => {
    const { session, change } = event;
    if (session.assigneeId === memberId || change === "transferred" || change === "requeued") refreshCountsSoon.current();
    if (session.assigneeId !== memberId || session.state !== "open" || event.actorMemberId === memberId) return;
    if (change === "assigned") {
      notify("chat_assigned", session.conversationId, (nickname) => ({ title: t("assignedTitle", { shop: shopName }), body: nickname ? t("assignedBody", { name: nickname }) : t("assignedBodyNoName") }));
    } else if (change === "transferred") {
      notify("transfer_to_me", session.conversationId, (nickname) => ({ title: t("transferredTitle", { shop: shopName }), body: nickname ? t("transferredBody", { name: nickname }) : t("transferredBodyNoName") }));
    }
  }, [memberId, notify, shopName, t]);
  useConsoleEvent("session.changed", onSessionChanged);

  const onRead = useCallback((event: ReadChangedEvent) => {
    if (event.reader === "shop") clear(event.conversationId);
  }, [clear]);
  useConsoleEvent("conversation.read", onRead);

  // Looking at a chat in a visible tab reads it.
  useEffect(() => {
    const clearSelected = () => {
      if (!isTabHidden() && selectedRef.current) clear(selectedRef.current);
    };
    clearSelected();
    document.addEventListener("visibilitychange", clearSelected);
    window.addEventListener("focus", clearSelected);
    return () => {
      document.removeEventListener("visibilitychange", clearSelected);
      window.removeEventListener("focus", clearSelected);
    };
  }, [selectedConversationId, clear]);

  const perChat = [...unreadByConversation.values()].reduce((sum, chat) => sum + attentionCount(chat), 0);
  const unread = prefs.badge ? perChat + (channelsFor(prefs, "due_soon").badge ? dueSoon ?? 0 : 0) : 0;
  useEffect(() => {
    document.title = consoleTitle((key, values) => titles(key, values), shopName, unread);
  }, [shopName, unread, titles]);

  return { unread };
}
