"use client";

// CONSOLE-4: search as the agent types, a moment after they stop; the newest answer wins.
import { useEffect, useState } from "react";
import type { SearchResultDto } from "@/core/console";
import { fetchSearch, problemOf, type ListProblem } from "./api";

export const SEARCH_MIN_LENGTH = 2;
const DEBOUNCE_MS = 250;

interface SearchState {
  results: SearchResultDto[] | null;
  isSearching: boolean;
  error: ListProblem | null;
}

export function useChatSearch(query: string): SearchState {
  const q = query.trim();
  const isActive = q.length >= SEARCH_MIN_LENGTH;
  const [state, setState] = useState<SearchState>({ results: null, isSearching: false, error: null });

  useEffect(() => {
    if (!isActive) {
      setState({ results: null, isSearching: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isSearching: true, error: null }));
    const timer = window.setTimeout(() => {
      fetchSearch(q, controller.signal)
        .then((answer) => setState({ results: answer.results, isSearching: false, error: null }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === "AbortError") return;
          setState({ results: [], isSearching: false, error: problemOf(error) });
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, isActive]);

  return isActive ? state : { results: null, isSearching: false, error: null };
}
