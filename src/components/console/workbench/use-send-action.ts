"use client";

// One "Send" action per list: which item is being sent, which was just sent, and the error of
// the last failure, so a double click sends once and a failure is said out loud.
import { useCallback, useEffect, useRef, useState } from "react";
import { toWorkbenchError, type WorkbenchError } from "./workbench-texts";

export type SendCallback = (id: string) => void | Promise<void>;

export function useSendAction(callback: SendCallback) {
  const [sendingId, setSendingId] = useState<string | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const [error, setError] = useState<WorkbenchError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = useCallback(
    async (id: string) => {
      if (sendingId) return;
      setSendingId(id);
      setError(null);
      try {
        await callback(id);
        setSentId(id);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setSentId(null), 2500);
      } catch (caught) {
        // The list says it in the member's language, with its own fallback (workbench-texts.ts).
        setError(toWorkbenchError(caught));
      } finally {
        setSendingId(null);
      }
    },
    [callback, sendingId],
  );
  return { send, sendingId, sentId, error };
}
