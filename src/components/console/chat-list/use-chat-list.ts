"use client";

// One chat list's items (CONSOLE-1): the first page whenever the query changes, more pages on
// demand (keyset cursor), and `refresh()`, which reloads every item already shown in one request
// so live updates never drop what the agent scrolled to. A response that arrives after a newer
// request started is ignored.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatListItemDto, SortOrder } from "@/core/console";
import { fetchListPage, problemOf, type ListProblem, type ListQuery } from "./api";

export const PAGE_SIZE = 30;
const REFRESH_MAX = 200;

interface ListState {
  items: ChatListItemDto[];
  nextCursor: string | null;
  /** The order the server applied (the remembered one when the query named none). */
  sort: SortOrder | null;
  isLoading: boolean;
  isLoadingMore: boolean;
  error: ListProblem | null;
}

const INITIAL: ListState = { items: [], nextCursor: null, sort: null, isLoading: true, isLoadingMore: false, error: null };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export function useChatList(query: ListQuery) {
  const [state, setState] = useState<ListState>(INITIAL);
  const generation = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;
  const stateRef = useRef(state);
  stateRef.current = state;
  const key = `${query.list}|${query.status ?? ""}|${query.category}|${query.sort ?? ""}`;

  useEffect(() => {
    const controller = new AbortController();
    const current = ++generation.current;
    setState((previous) => ({ ...INITIAL, sort: previous.sort }));
    fetchListPage({ ...queryRef.current, limit: PAGE_SIZE }, controller.signal)
      .then((page) => {
        if (current !== generation.current) return;
        setState({ items: page.items, nextCursor: page.nextCursor, sort: page.sort, isLoading: false, isLoadingMore: false, error: null });
      })
      .catch((error: unknown) => {
        if (isAbort(error) || current !== generation.current) return;
        setState((previous) => ({ ...previous, isLoading: false, error: problemOf(error) }));
      });
    return () => controller.abort();
  }, [key]);

  const loadMore = useCallback(async () => {
    const { nextCursor, isLoadingMore, isLoading } = stateRef.current;
    if (!nextCursor || isLoadingMore || isLoading) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, isLoadingMore: true }));
    try {
      const page = await fetchListPage({ ...queryRef.current, cursor: nextCursor, limit: PAGE_SIZE });
      if (current !== generation.current) return;
      setState((previous) => {
        const known = new Set(previous.items.map((item) => item.sessionId));
        return {
          ...previous,
          items: [...previous.items, ...page.items.filter((item) => !known.has(item.sessionId))],
          nextCursor: page.nextCursor,
          isLoadingMore: false,
        };
      });
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => ({ ...previous, isLoadingMore: false, error: problemOf(error) }));
    }
  }, []);

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    const limit = Math.min(Math.max(stateRef.current.items.length, PAGE_SIZE), REFRESH_MAX);
    try {
      const page = await fetchListPage({ ...queryRef.current, limit });
      if (current !== generation.current) return;
      setState({ items: page.items, nextCursor: page.nextCursor, sort: page.sort, isLoading: false, isLoadingMore: false, error: null });
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => ({ ...previous, isLoading: false, isLoadingMore: false, error: problemOf(error) }));
    }
  }, []);

  /** Takes an item out at once (it left the list); the refresh that follows confirms it. */
  const removeSession = useCallback((sessionId: string) => {
    setState((previous) => ({ ...previous, items: previous.items.filter((item) => item.sessionId !== sessionId) }));
  }, []);

  return { ...state, loadMore, refresh, removeSession };
}
