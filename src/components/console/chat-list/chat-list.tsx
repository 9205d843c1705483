// Over 300 lines: lists, filters, counts and search share one keyboard model; search results are the next split.
"use client";

// The console's chat list (CONSOLE-1..5): the lists as tabs, status filters with live counts,
// the category filter, search, the sort order (remembered per member), and the chats with
// infinite scroll and keyboard navigation. It stays live from the console's socket: a chat
// leaves a list the moment an event says it moved (assigned, transferred, ended), and every
// session, message and read event refetches the list and the counts a moment later. The server
// also says when time alone will next change a count, and the list refetches exactly then.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useLocale } from "next-intl";
import {
  belongsToList,
  listsFor,
  type CategoryFilter,
  type ConsoleList,
  type ListStatusCounts,
  type SortOrder,
  type StatusFilter,
} from "@/core/console";
import type { SessionChangedEvent } from "@/shared/events";
import { useConsoleEvent, useConsoleSocket } from "../console-socket-context";
import { saveSortOrder } from "./api";
import { ChatListItem } from "./chat-list-item";
import { CATEGORY_KEYS, categoryLabel, emptyListText, formatCount, LIST_KEYS, listLabel, problemText, SORT_KEYS, sortLabel, statusLabel } from "./format";
import { SEARCH_RESULTS_ID, SearchResults } from "./search-results";
import { useChatList } from "./use-chat-list";
import { useChatSearch, SEARCH_MIN_LENGTH } from "./use-chat-search";
import { useListboxKeys } from "./use-listbox-keys";
import { useStatusCounts } from "./use-status-counts";
import { shortcutProps } from "../keyboard/shortcut-props";
import { useConsoleTranslate } from "../use-console-translate";

export interface ChatListProps {
  selectedConversationId: string | null;
  onSelect(conversationId: string): void;
  memberId: string;
  /** Granted session:view_all (chat access management, TEAM-5): shows the All open list. */
  canSeeAll: boolean;
}

/** Events arrive in bursts (a message, its session change, a read): one refetch for all. */
const REFRESH_DEBOUNCE_MS = 300;
const CLOCK_TICK_MS = 30_000;
const CHAT_LIST_ID = "console-chat-list";

const ACTIVE_STATUSES: StatusFilter[] = ["overdue", "due_soon", "unreplied", "unread", "starred"];
/** History has no reply clock: only these filters apply there. */
const HISTORY_STATUSES: StatusFilter[] = ["unread", "starred"];
const LIST_SHORTCUTS = { assigned: "list_assigned", unassigned: "list_unassigned", all: "list_all", history: "list_history" } as const;
const COUNT_KEYS: Record<Exclude<StatusFilter, "closed">, keyof ListStatusCounts> = {
  overdue: "overdue",
  due_soon: "dueSoon",
  unreplied: "unreplied",
  unread: "unread",
  starred: "starred",
};

export function ChatList(props: ChatListProps) {
  const { selectedConversationId, onSelect, memberId, canSeeAll } = props;
  const t = useConsoleTranslate();
  const locale = useLocale();
  const viewer = useMemo(() => ({ memberId, canSeeAll }), [memberId, canSeeAll]);
  const lists = useMemo(() => listsFor(viewer), [viewer]);
  const [list, setList] = useState<ConsoleList>("assigned");
  const [status, setStatus] = useState<StatusFilter | null>(null);
  const [category, setCategory] = useState<CategoryFilter>("all");
  const [sortChoice, setSortChoice] = useState<SortOrder | null>(null);
  const [searchText, setSearchText] = useState("");
  const [now, setNow] = useState(() => new Date());
  const [isSortNotSaved, setIsSortNotSaved] = useState(false);

  const chats = useChatList({ list, status, category, sort: sortChoice });
  const search = useChatSearch(searchText);
  const isSearching = search.results !== null || searchText.trim().length >= SEARCH_MIN_LENGTH;

  // ─── Live updates ────────────────────────────────────────────────────────
  const refreshRef = useRef<() => void>(() => {});
  const refreshTimer = useRef<number | null>(null);
  const scheduleRefresh = useCallback(() => {
    if (refreshTimer.current !== null) return;
    refreshTimer.current = window.setTimeout(() => {
      refreshTimer.current = null;
      refreshRef.current();
    }, REFRESH_DEBOUNCE_MS);
  }, []);
  useEffect(() => () => {
    if (refreshTimer.current !== null) window.clearTimeout(refreshTimer.current);
  }, []);

  const counts = useStatusCounts(category, scheduleRefresh);
  const { refresh: refreshChats, removeSession, items } = chats;
  const { refresh: refreshCounts } = counts;
  refreshRef.current = () => {
    setNow(new Date());
    void refreshChats();
    void refreshCounts();
  };

  const itemsRef = useRef(items);
  itemsRef.current = items;
  const onSessionChanged = useCallback(
    (event: SessionChangedEvent) => {
      const shown = itemsRef.current.some((item) => item.sessionId === event.session.id);
      if (shown && !belongsToList(event.session, list, viewer)) removeSession(event.session.id);
      scheduleRefresh();
    },
    [list, viewer, removeSession, scheduleRefresh],
  );
  useConsoleEvent("session.changed", onSessionChanged);
  useConsoleEvent("message.created", scheduleRefresh);
  useConsoleEvent("conversation.read", scheduleRefresh);

  // After a reconnection events may have been missed: catch up.
  const { connectionEpoch } = useConsoleSocket();
  const firstEpoch = useRef(connectionEpoch);
  useEffect(() => {
    if (connectionEpoch !== firstEpoch.current) scheduleRefresh();
  }, [connectionEpoch, scheduleRefresh]);

  // TEAM-5: chat access granted or removed: the All open list appears or goes, and the lists refetch.
  const previousCanSeeAll = useRef(canSeeAll);
  useEffect(() => {
    if (previousCanSeeAll.current === canSeeAll) return;
    previousCanSeeAll.current = canSeeAll;
    if (!canSeeAll && list === "all") setList("assigned");
    scheduleRefresh();
  }, [canSeeAll, list, scheduleRefresh]);

  // Relative times and waiting times move on by themselves.
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), CLOCK_TICK_MS);
    return () => window.clearInterval(timer);
  }, []);

  // ─── Filters ─────────────────────────────────────────────────────────────
  const chooseList = (next: ConsoleList) => {
    setList(next);
    if (status && !(next === "history" ? HISTORY_STATUSES : ACTIVE_STATUSES).includes(status)) setStatus(null);
  };
  const toggleStatus = (next: StatusFilter) => {
    if (next === "closed") return chooseList(list === "history" ? "assigned" : "history");
    setStatus((current) => (current === next ? null : next));
  };
  const sort = sortChoice ?? chats.sort ?? "waiting_time";
  const chooseSort = (next: SortOrder) => {
    setSortChoice(next);
    setIsSortNotSaved(false);
    saveSortOrder(next).catch(() => setIsSortNotSaved(true));
  };

  const listCounts = counts.counts && list !== "history" ? counts.counts[list] : null;
  const statuses = list === "history" ? HISTORY_STATUSES : ACTIVE_STATUSES;

  // ─── Keyboard and scrolling ──────────────────────────────────────────────
  const optionId = useCallback((index: number) => `chat-list-option-${index}`, []);
  const selectedIndex = items.findIndex((item) => item.conversationId === selectedConversationId);
  const openAt = useCallback((index: number) => {
    const item = itemsRef.current[index];
    if (item) onSelect(item.conversationId);
  }, [onSelect]);
  const { loadMore } = chats;
  const keys = useListboxKeys({ count: items.length, selectedIndex, optionId, onEnter: openAt, onNearEnd: loadMore });

  const sentinel = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !chats.nextCursor) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) void loadMore();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [chats.nextCursor, loadMore, isSearching]);

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="chat-list" data-chat-listbox>
      <div className="border-b border-slate-200 p-3">
        <label className="relative block">
          <span className="sr-only">{t("chatList.searchLabel")}</span>
          <input
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setSearchText("");
              // NF-5: from the search box straight into the results (or the list).
              if (event.key === "ArrowDown") {
                event.preventDefault();
                document.getElementById(isSearching ? SEARCH_RESULTS_ID : CHAT_LIST_ID)?.focus();
              }
            }}
            placeholder={t("chatList.searchPlaceholder")}
            aria-label={t("chatList.searchLabel")}
            {...shortcutProps("focus_search")}
            className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:bg-white focus:outline-none"
          />
        </label>
      </div>

      {isSearching ? (
        <SearchResults
          query={searchText.trim()}
          results={search.results}
          isSearching={search.isSearching}
          error={search.error}
          selectedConversationId={selectedConversationId}
          onSelect={onSelect}
          onClear={() => setSearchText("")}
        />
      ) : (
        <>
          <div role="tablist" aria-label={t("chatList.listsLabel")} className="flex border-b border-slate-200 text-sm">
            {lists.map((name) => {
              const total = name !== "history" ? counts.counts?.[name]?.total : undefined;
              return (
                <button
                  key={name}
                  role="tab"
                  aria-selected={list === name}
                  {...shortcutProps(LIST_SHORTCUTS[name])}
                  onClick={() => chooseList(name)}
                  className={`flex flex-1 items-center justify-center gap-1 whitespace-nowrap px-1 py-2.5 text-[13px] ${list === name ? "border-b-2 border-brand-600 font-medium text-brand-700" : "text-slate-500 hover:text-slate-800"}`}
                >
                  {listLabel(t, name)}
                  {total !== undefined && total > 0 && (
                    <span className="rounded-full bg-slate-100 px-1.5 text-[11px] font-normal text-slate-600">{formatCount(total, t)}</span>
                  )}
                </button>
              );
            })}
          </div>

          <div className="space-y-2 border-b border-slate-200 px-3 py-2">
            <div role="group" aria-label={t("chatList.statusFilters")} className="flex flex-wrap gap-1.5">
              {statuses.map((name, index) => {
                const count = listCounts ? listCounts[COUNT_KEYS[name as keyof typeof COUNT_KEYS]] : null;
                const isPressed = status === name;
                return (
                  <button
                    key={name}
                    type="button"
                    aria-pressed={isPressed}
                    {...(index === 0 ? shortcutProps("focus_filters") : {})}
                    onClick={() => toggleStatus(name)}
                    className={`rounded-full border px-2 py-0.5 text-xs ${isPressed ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-600 hover:border-slate-400"}`}
                  >
                    {statusLabel(t, name)}
                    {count !== null && <span className={`ml-1 ${isPressed ? "text-white" : name === "overdue" && count > 0 ? "font-semibold text-red-600" : "text-slate-500"}`}>{formatCount(count, t)}</span>}
                  </button>
                );
              })}
              <button
                type="button"
                aria-pressed={list === "history"}
                onClick={() => toggleStatus("closed")}
                className={`rounded-full border px-2 py-0.5 text-xs ${list === "history" ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 text-slate-600 hover:border-slate-400"}`}
              >
                {statusLabel(t, "closed")}
                {counts.counts && (
                  <span className={`ml-1 ${list === "history" ? "text-white" : "text-slate-500"}`}>{formatCount(counts.counts.closed, t, counts.counts.closedIsCapped)}</span>
                )}
              </button>
            </div>
            <div className="flex gap-2">
              <select
                aria-label={t("chatList.category")}
                value={category}
                onChange={(event) => setCategory(event.target.value as CategoryFilter)}
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700"
              >
                {(Object.keys(CATEGORY_KEYS) as CategoryFilter[]).map((name) => (
                  <option key={name} value={name}>{categoryLabel(t, name)}</option>
                ))}
              </select>
              <select
                aria-label={t("chatList.sort")}
                value={sort}
                disabled={list === "history"}
                title={list === "history" ? t("chatList.historySortNote") : undefined}
                onChange={(event) => chooseSort(event.target.value as SortOrder)}
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs text-slate-700 disabled:text-slate-400"
              >
                {(Object.keys(SORT_KEYS) as SortOrder[]).map((name) => (
                  <option key={name} value={name}>{sortLabel(t, name)}</option>
                ))}
              </select>
            </div>
            {isSortNotSaved && <p role="alert" className="text-xs text-red-600">{t("chatList.sortNotSaved")}</p>}
          </div>

          <div className="min-h-0 flex-1 overflow-y-auto">
            {chats.error && (
              <div role="alert" className="m-3 rounded-md bg-red-50 p-3 text-xs text-red-700">
                {problemText(t, locale, chats.error, "errors.listFailed")}{" "}
                <button type="button" className="underline" onClick={() => void refreshChats()}>{t("chatList.retry")}</button>
              </div>
            )}
            {chats.isLoading && items.length === 0 ? (
              <p className="p-6 text-center text-sm text-slate-500">{t("chatList.loading")}</p>
            ) : items.length === 0 && !chats.error ? (
              <p className="p-6 text-center text-sm text-slate-500" data-testid="chat-list-empty">{emptyListText(t, list, status)}</p>
            ) : (
              <ul
                id={CHAT_LIST_ID}
                {...keys.listboxProps}
                aria-label={t(`chatList.listbox.${LIST_KEYS[list]}`)}
                className="divide-y divide-slate-100 focus:outline-none"
              >
                {items.map((item, index) => {
                  const isSelected = item.conversationId === selectedConversationId;
                  return (
                    <li
                      key={item.sessionId}
                      id={optionId(index)}
                      role="option"
                      aria-selected={isSelected}
                      data-session-id={item.sessionId}
                      onClick={() => {
                        keys.setActive(index);
                        onSelect(item.conversationId);
                      }}
                      className={`cursor-pointer px-3 py-2.5 ${isSelected ? "bg-brand-50" : "hover:bg-slate-50"} ${keys.active === index ? "ring-2 ring-inset ring-brand-500" : ""}`}
                    >
                      <ChatListItem item={item} now={now} showAssignee={list === "all" || (list === "history" && canSeeAll)} />
                    </li>
                  );
                })}
              </ul>
            )}
            {chats.nextCursor && (
              <div ref={sentinel} className="p-3 text-center text-xs text-slate-500">
                {chats.isLoadingMore ? t("chatList.loadingMore") : <button type="button" onClick={() => void loadMore()}>{t("chatList.loadMore")}</button>}
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
