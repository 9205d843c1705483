"use client";

import { useTranslations } from "next-intl";

export function LoadMoreButton({ isLoading, onClick, label }: { isLoading: boolean; onClick: () => void; label: string }) {
  const t = useTranslations("workbench.states");
  return (
    <div className="p-3 text-center">
      <button
        type="button"
        onClick={onClick}
        disabled={isLoading}
        className="rounded-md border border-slate-200 px-3 py-1.5 text-xs text-slate-600 hover:bg-slate-50 disabled:opacity-60"
      >
        {isLoading ? t("loading") : label}
      </button>
    </div>
  );
}
