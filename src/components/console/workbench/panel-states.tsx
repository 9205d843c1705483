"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useWorkbenchErrorText, type WorkbenchError } from "./workbench-texts";

// Loading, empty and error states shared by the three tabs.
export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="p-4 text-center text-sm text-slate-500">
      {label}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="p-6 text-center text-sm text-slate-500">{children}</p>;
}

/** `error`: what failed; `fallback`: the tab's own sentence when the error says nothing usable. */
export function ErrorState({ error, fallback, onRetry }: { error: WorkbenchError | null; fallback: string; onRetry: () => void }) {
  const t = useTranslations("workbench.states");
  const errorText = useWorkbenchErrorText();
  return (
    <div role="alert" className="m-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
      <p>{errorText(error, error ? t("loadFailed") : fallback)}</p>
      <button type="button" onClick={onRetry} className="mt-2 font-medium underline hover:no-underline">
        {t("tryAgain")}
      </button>
    </div>
  );
}

export function SendError({ error }: { error: WorkbenchError | null }) {
  const t = useTranslations("workbench.states");
  const errorText = useWorkbenchErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="mx-3 mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700">
      {errorText(error, t("sendFailed"))}
    </p>
  );
}
