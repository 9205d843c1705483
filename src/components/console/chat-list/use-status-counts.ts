"use client";

// CONSOLE-2: the live status counts. Fetched when the category changes and whenever the list
// asks (after socket events); the server also says when time alone will next change a count
// (`nextChangeAt`), and `onTimeThreshold` fires then, measured on the server's clock so that a
// skewed browser clock does not matter.
import { useCallback, useEffect, useRef, useState } from "react";
import type { CategoryFilter, StatusCountsDto } from "@/core/console";
import { fetchCounts } from "./api";

/** Past the threshold by a little, so the server's clock has certainly crossed it too. */
const THRESHOLD_MARGIN_MS = 500;

export function useStatusCounts(category: CategoryFilter, onTimeThreshold: () => void) {
  const [counts, setCounts] = useState<{ value: StatusCountsDto; receivedAt: number } | null>(null);
  const generation = useRef(0);
  const onThresholdRef = useRef(onTimeThreshold);
  onThresholdRef.current = onTimeThreshold;

  const refresh = useCallback(async () => {
    const current = ++generation.current;
    try {
      const value = await fetchCounts(category);
      if (current === generation.current) setCounts({ value, receivedAt: Date.now() });
    } catch {
      // Counts are a convenience: the next event or threshold fetches them again.
    }
  }, [category]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const nextChangeAt = counts?.value.nextChangeAt;
    if (!counts || !nextChangeAt) return;
    const dueInMs = Date.parse(nextChangeAt) - Date.parse(counts.value.countedAt) - (Date.now() - counts.receivedAt);
    const timer = window.setTimeout(() => onThresholdRef.current(), Math.max(dueInMs, 0) + THRESHOLD_MARGIN_MS);
    return () => window.clearTimeout(timer);
  }, [counts]);

  return { counts: counts?.value ?? null, refresh };
}
