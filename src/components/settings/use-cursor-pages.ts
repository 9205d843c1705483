"use client";

// A searchable list read in pages that follow the server's cursor (`{ items, nextCursor }`), as
// the settings lists are (blocked buyers, saved replies): the first page comes from the server
// render, a search replaces the list, "Show more" appends the next page.
import { useState } from "react";
import { callApi } from "./api";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export function useCursorPages<T>(initialPage: CursorPage<T>, onError: (message: string) => void) {
  const [items, setItems] = useState(initialPage.items);
  const [nextCursor, setNextCursor] = useState(initialPage.nextCursor);
  /** The search the shown items answer ("" for none). */
  const [appliedQuery, setAppliedQuery] = useState("");
  const [isLoading, setIsLoading] = useState(false);

  /** Reads `url` (built for `query` and `cursor`): a cursor appends, no cursor replaces. */
  async function load(url: string, query: string, cursor: string | null): Promise<void> {
    setIsLoading(true);
    const result = await callApi<CursorPage<T>>(url);
    setIsLoading(false);
    if (!result.ok) {
      onError(result.error.message);
      return;
    }
    setItems((previous) => (cursor ? [...previous, ...result.data.items] : result.data.items));
    setNextCursor(result.data.nextCursor);
    setAppliedQuery(query);
  }

  return { items, setItems, nextCursor, appliedQuery, isLoading, load };
}
