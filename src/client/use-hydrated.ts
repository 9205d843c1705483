"use client";

// Whether React has hydrated this page. A form whose submit runs in JavaScript keeps its button
// disabled until then: a click on the server-rendered HTML would otherwise submit the form
// natively (a GET with the fields in the URL) and lose what the person typed.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
