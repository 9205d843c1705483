import type { ReactNode } from "react";

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

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="m-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-700">
      <p>{message}</p>
      <button type="button" onClick={onRetry} className="mt-2 font-medium underline hover:no-underline">
        Try again
      </button>
    </div>
  );
}

export function SendError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="mx-3 mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700">
      {message}
    </p>
  );
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(iso));
}
