// How the chat list writes times, counts and labels, in the member's language (NF-5): the words
// come from the `console` namespace (messages/<locale>/console.json) through the translator the
// component passes in, dates from Intl in the locale. Pure, so the rules are tested without a browser.
import type { CategoryFilter, ConsoleList, SortOrder, StatusFilter } from "@/core/console";
import { serverErrorText, type ConsoleTranslate } from "../console-text";
import type { ListProblem } from "./api";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "now", "5m", "3h", "Yesterday", "Mon", "Mar 12", "Mar 12, 2023" (in English): the time of an item's last message. */
export function formatListTime(iso: string, now: Date, t: ConsoleTranslate, locale: string): string {
  const date = new Date(iso);
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < MINUTE) return t("time.now");
  if (elapsed < HOUR) return t("time.minutes", { count: Math.floor(elapsed / MINUTE) });
  const startOfDay = (value: Date) => new Date(value.getFullYear(), value.getMonth(), value.getDate()).getTime();
  const days = Math.round((startOfDay(now) - startOfDay(date)) / DAY);
  if (days === 0) return t("time.hours", { count: Math.floor(elapsed / HOUR) });
  if (days === 1) return t("time.yesterday");
  if (days < 7) return new Intl.DateTimeFormat(locale, { weekday: "short" }).format(date);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(date.getFullYear() !== now.getFullYear() ? { year: "numeric" } : {}) }).format(date);
}

/** How long the buyer has waited: "under 1m", "42m", "3h 5m", "2d 4h" (in English). */
export function formatWaiting(sinceIso: string, now: Date, t: ConsoleTranslate): string {
  const elapsed = Math.max(now.getTime() - new Date(sinceIso).getTime(), 0);
  if (elapsed < MINUTE) return t("waiting.underMinute");
  if (elapsed < HOUR) return t("waiting.minutes", { minutes: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) {
    const hours = Math.floor(elapsed / HOUR);
    const minutes = Math.floor((elapsed % HOUR) / MINUTE);
    return minutes === 0 ? t("waiting.hours", { hours }) : t("waiting.hoursMinutes", { hours, minutes });
  }
  const days = Math.floor(elapsed / DAY);
  const hours = Math.floor((elapsed % DAY) / HOUR);
  return hours === 0 ? t("waiting.days", { days }) : t("waiting.daysHours", { days, hours });
}

/** Counts above 99 as "99+", closed chats beyond the server's cap as "999+". */
export function formatCount(count: number, t: ConsoleTranslate, isCapped = false): string {
  if (isCapped) return t("chatList.countCapped", { count });
  return count > 99 ? t("chatList.countOverflow") : t("chatList.count", { count });
}

/** The catalog keys (under `console.chatList`) of the lists, filters and orders. */
export const LIST_KEYS: Record<ConsoleList, string> = {
  assigned: "assigned",
  unassigned: "unassigned",
  all: "all",
  history: "history",
};

export const STATUS_KEYS: Record<StatusFilter, string> = {
  overdue: "overdue",
  due_soon: "dueSoon",
  unreplied: "unreplied",
  unread: "unread",
  starred: "starred",
  closed: "closed",
};

export const CATEGORY_KEYS: Record<CategoryFilter, string> = {
  all: "all",
  pre_purchase: "prePurchase",
  logistics: "logistics",
  after_sales: "afterSales",
};

export const SORT_KEYS: Record<SortOrder, string> = {
  waiting_time: "waitingTime",
  latest: "latest",
};

export const listLabel = (t: ConsoleTranslate, list: ConsoleList) => t(`chatList.lists.${LIST_KEYS[list]}`);
export const statusLabel = (t: ConsoleTranslate, status: StatusFilter) => t(`chatList.statuses.${STATUS_KEYS[status]}`);
export const categoryLabel = (t: ConsoleTranslate, category: CategoryFilter) => t(`chatList.categories.${CATEGORY_KEYS[category]}`);
export const sortLabel = (t: ConsoleTranslate, sort: SortOrder) => t(`chatList.sortOrders.${SORT_KEYS[sort]}`);

/** What the list says when it has no chats (the status filter named, when one applies). */
export function emptyListText(t: ConsoleTranslate, list: ConsoleList, status: StatusFilter | null): string {
  if (status) return t(`chatList.emptyWithStatus.${STATUS_KEYS[status]}`, { list: listLabel(t, list) });
  return t(`chatList.empty.${LIST_KEYS[list]}`);
}

/** A failed request as a sentence; `failedKey` is the hook's own sentence for an unexpected failure. */
export function problemText(t: ConsoleTranslate, locale: string, problem: ListProblem, failedKey: string): string {
  if (problem.kind === "offline") return t("errors.offline");
  if (problem.kind === "failed") return t(failedKey);
  return serverErrorText(t, locale, problem, "errors.generic");
}
