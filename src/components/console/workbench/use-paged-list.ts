"use client";

// A list read page by page from a workbench route: the first page whenever the URL (or the
// refresh key) changes, further pages on "Load more". Stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchWorkbench, isAbort } from "./fetch-json";
import { toWorkbenchError, type WorkbenchError } from "./workbench-texts";

export interface PagedList<TItem, TPage> {
  items: TItem[];
  firstPage: TPage | null;
  status: "idle" | "loading" | "ready" | "error";
  error: WorkbenchError | null;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

function withCursor(url: string, cursor: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;
}

export function usePagedList<TItem, TPage>(
  url: string | null,
  select: (page: TPage) => { items: TItem[]; nextCursor: string | null },
  refreshKey?: unknown,
): PagedList<TItem, TPage> {
  const [items, setItems] = useState<TItem[]>([]);
  const [firstPage, setFirstPage] = useState<TPage | null>(null);
  const [status, setStatus] = useState<PagedList<TItem, TPage>["status"]>("idle");
  const [error, setError] = useState<WorkbenchError | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const selectRef = useRef(select);
  selectRef.current = select;
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    if (!url) {
      setItems([]);
      setFirstPage(null);
      setStatus("idle");
      setNextCursor(null);
      return;
    }
    const controller = new AbortController();
    setStatus((previous) => (previous === "ready" ? "ready" : "loading"));
    setError(null);
    fetchWorkbench<TPage>(url, controller.signal)
      .then((page) => {
        if (current !== generation.current) return;
        const selected = selectRef.current(page);
        setFirstPage(page);
        setItems(selected.items);
        setNextCursor(selected.nextCursor);
        setStatus("ready");
      })
      .catch((caught: unknown) => {
        if (isAbort(caught) || current !== generation.current) return;
        setError(toWorkbenchError(caught));
        setStatus("error");
      });
    return () => controller.abort();
  }, [url, refreshKey, attempt]);

  const loadMore = useCallback(() => {
    if (!url || !nextCursor || isLoadingMore) return;
    const current = generation.current;
    setIsLoadingMore(true);
    fetchWorkbench<TPage>(withCursor(url, nextCursor))
      .then((page) => {
        if (current !== generation.current) return;
        const selected = selectRef.current(page);
        setItems((previous) => [...previous, ...selected.items]);
        setNextCursor(selected.nextCursor);
      })
      .catch((caught: unknown) => {
        if (current === generation.current) setError(toWorkbenchError(caught));
      })
      .finally(() => setIsLoadingMore(false));
  }, [url, nextCursor, isLoadingMore]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { items, firstPage, status, error, hasMore: nextCursor !== null, isLoadingMore, loadMore, retry };
}
