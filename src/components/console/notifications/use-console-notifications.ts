"use client";

// CONSOLE-8: a buyer writes in a chat this member can see (the server only sends them those),
// and the member is not looking at it (the tab is hidden, or another chat is open):
// - a short chime (sound),
// - a desktop notification while the tab is in the background (desktop; the browser's
//   permission is asked from a banner, and a refusal is respected),
// - a count of unread buyer messages in the tab title, "(3) Console · …" (badge).
// Each follows the member's preferences (Member.notificationPrefs, SET-2). A chat's count clears
// when the member opens it in a visible tab or reads it elsewhere (conversation.read).
import { useCallback, useEffect, useRef, useState } from "react";
import type { MessageDto } from "@/shared/dto";
import type { MessageCreatedEvent, ReadChangedEvent } from "@/shared/events";
import { useConsoleEvent } from "../console-socket-context";
import { playChime, primeAudioOnInteraction } from "./chime";
import { consoleTitle } from "./console-title";

export interface NotificationPrefs {
  sound: boolean;
  desktop: boolean;
  badge: boolean;
}

export interface ConsoleNotificationsOptions {
  prefs: NotificationPrefs;
  shopName: string;
  selectedConversationId: string | null;
  onOpenConversation(conversationId: string): void;
}


export function previewOf(message: MessageDto): string {
  switch (message.kind) {
    case "text":
      return message.body.length > 140 ? `${message.body.slice(0, 139)}…` : message.body;
    case "image":
      return "Sent an image";
    case "video":
      return "Sent a video";
    case "product_card":
      return `Asked about a product: ${message.body}`;
    case "order_card":
      return `Asked about an order: ${message.body}`;
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

export function useConsoleNotifications({ prefs, shopName, selectedConversationId, onOpenConversation }: ConsoleNotificationsOptions): { unread: number } {
  const [unreadByConversation, setUnreadByConversation] = useState<Map<string, number>>(() => new Map());
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

  const onMessage = useCallback((event: MessageCreatedEvent) => {
    const { message, conversationId } = event;
    if (message.authorType !== "buyer" || seen.current.has(message.id)) return;
    seen.current.add(message.id);
    if (seen.current.size > 2_000) seen.current = new Set([...seen.current].slice(-1_000));
    const isHidden = isTabHidden();
    if (!isHidden && selectedRef.current === conversationId) return;
    const current = prefsRef.current;
    if (current.badge) setUnreadByConversation((map) => new Map(map).set(conversationId, (map.get(conversationId) ?? 0) + 1));
    if (current.sound) playChime();
    if (current.desktop && (isHidden || !document.hasFocus()) && "Notification" in window && Notification.permission === "granted") {
      void buyerNickname(conversationId).then((nickname) => {
        try {
          const notification = new Notification(nickname ? `${nickname} · ${shopName}` : `New message · ${shopName}`, {
            body: previewOf(message),
            tag: `counterpart-${conversationId}`,
          });
          notification.onclick = () => {
            window.focus();
            openRef.current(conversationId);
            notification.close();
          };
        } catch {
          // Some browsers only allow notifications from a service worker; the badge and sound remain.
        }
      });
    }
  }, [shopName]);
  useConsoleEvent("message.created", onMessage);

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

  const unread = prefs.badge ? [...unreadByConversation.values()].reduce((sum, count) => sum + count, 0) : 0;
  useEffect(() => {
    document.title = consoleTitle(shopName, unread);
  }, [shopName, unread]);

  return { unread };
}
