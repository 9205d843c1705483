// The chat list's HTTP calls (CONSOLE-1..5). Routes answer { data } or { error }; an error becomes
// a thrown ListApiError with the server's code and message, which the list shows in the member's
// language (console-text.ts serverErrorText); an unreachable server is code OFFLINE with no message.
import type {
  CategoryFilter,
  ChatListPageDto,
  ConsoleList,
  SearchResultsDto,
  SortOrder,
  StatusCountsDto,
  StatusFilter,
} from "@/core/console";

export class ListApiError extends Error {
  constructor(readonly code: string, readonly serverMessage: string | null) {
    super(serverMessage ?? code);
  }
}

/** What went wrong, for the list to say in the member's language. */
export type ListProblem =
  | { kind: "offline" }
  | { kind: "server"; code: string; message: string | null }
  /** Anything else: the hook's own sentence (the chats could not be loaded, search failed). */
  | { kind: "failed" };

export function problemOf(error: unknown): ListProblem {
  if (!(error instanceof ListApiError)) return { kind: "failed" };
  return error.code === "OFFLINE" && error.serverMessage === null ? { kind: "offline" } : { kind: "server", code: error.code, message: error.serverMessage };
}

async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ListApiError("OFFLINE", null);
  }
  const body = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string } } | null;
  if (!response.ok || !body || body.error) {
    throw new ListApiError(body?.error?.code ?? "INTERNAL", body?.error?.message ?? null);
  }
  return body.data as T;
}

export interface ListQuery {
  list: ConsoleList;
  status: StatusFilter | null;
  category: CategoryFilter;
  /** null: the member's remembered order. */
  sort: SortOrder | null;
}

export function fetchListPage(query: ListQuery & { cursor?: string | null; limit?: number }, signal?: AbortSignal): Promise<ChatListPageDto> {
  const params = new URLSearchParams({ list: query.list, category: query.category });
  if (query.status) params.set("status", query.status);
  if (query.sort) params.set("sort", query.sort);
  if (query.cursor) params.set("cursor", query.cursor);
  if (query.limit) params.set("limit", String(query.limit));
  return request(`/api/console/lists?${params}`, { signal });
}

export function fetchCounts(category: CategoryFilter, signal?: AbortSignal): Promise<StatusCountsDto> {
  return request(`/api/console/counts?${new URLSearchParams({ category })}`, { signal });
}

export function fetchSearch(q: string, signal?: AbortSignal): Promise<SearchResultsDto> {
  return request(`/api/console/search?${new URLSearchParams({ q })}`, { signal });
}

export function saveSortOrder(sortOrder: SortOrder): Promise<{ sortOrder: SortOrder }> {
  return request("/api/console/preferences", {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sortOrder }),
  });
}
