// How the chat list writes times and labels. Pure, so the rules are tested without a browser.
import type { CategoryFilter, ConsoleList, SortOrder, StatusFilter } from "@/core/console";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "Yesterday", "Mon", "Mar 12", "Mar 12, 2023": the time of an item's last message. */
export function formatListTime(iso: string, now: Date): string {
  const date = new Date(iso);
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return "now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  const startOfDay = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (days === 0) return `${Math.floor(elapsed / HOUR)}h`;
  if (days === 1) return "Yesterday";
  if (days < 7) return date.toLocaleDateString("en", { weekday: "short" });
  return date.toLocaleDateString("en", { day: "numeric", month: "short", ...(date.getFullYear() !== now.getFullYear() ? { year: "numeric" } : {}) });
}

/** How long the buyer has waited: "under 1m", "42m", "3h 5m", "2d 4h". */
export function formatWaiting(sinceIso: string, now: Date): string {
  const elapsed = Math.max(now.getTime() - new Date(sinceIso).getTime(), 0);
  if (elapsed < MINUTE) return "under 1m";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) {
    const minutes = Math.floor((elapsed % HOUR) / MINUTE);
    return minutes === 0 ? `${Math.floor(elapsed / HOUR)}h` : `${Math.floor(elapsed / HOUR)}h ${minutes}m`;
  }
  const hours = Math.floor((elapsed % DAY) / HOUR);
  return hours === 0 ? `${Math.floor(elapsed / DAY)}d` : `${Math.floor(elapsed / DAY)}d ${hours}h`;
}

/** Counts above 99 as "99+", closed chats beyond the server's cap as "999+". */
export function formatCount(count: number, isCapped = false): string {
  if (isCapped) return `${count}+`;
  return count > 99 ? "99+" : String(count);
}

export const LIST_LABELS: Record<ConsoleList, string> = {
  assigned: "Assigned",
  unassigned: "Unassigned",
  all: "All open",
  history: "History",
};

export const STATUS_LABELS: Record<StatusFilter, string> = {
  overdue: "Overdue",
  due_soon: "Due soon",
  unreplied: "Unreplied",
  unread: "Unread",
  starred: "Starred",
  closed: "Closed",
};

export const CATEGORY_LABELS: Record<CategoryFilter, string> = {
  all: "All categories",
  pre_purchase: "Pre-purchase",
  logistics: "Logistics",
  after_sales: "After-sales",
};

export const SORT_LABELS: Record<SortOrder, string> = {
  waiting_time: "Waiting time",
  latest: "Latest message",
};
