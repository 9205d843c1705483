// Browser calls to the settings routes. Every route answers `{ data }` or
// `{ error: { code, message, fieldErrors } }`; this turns both, and a network failure, into one
// result the forms can show.
import type { FieldErrors } from "@/core/errors";

export interface ApiError {
  code: string;
  message: string;
  fieldErrors?: FieldErrors;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

export async function callApi<T>(url: string, init: { method?: string; json?: unknown; formData?: FormData } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.json === undefined ? undefined : { "content-type": "application/json" },
      body: init.formData ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { ok: false, status: 0, error: { code: "NETWORK", message: "Could not reach the server. Check your connection and try again." } };
  }
  const body = (await response.json().catch(() => null)) as { data?: T; error?: ApiError } | null;
  if (response.status === 401) {
    // The session ended or access was removed: the sign-in page explains what happened.
    window.location.assign("/sign-in");
  }
  if (response.ok && body && "data" in body) return { ok: true, data: body.data as T };
  return {
    ok: false,
    status: response.status,
    error: body?.error ?? { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." },
  };
}

/** The first message for a field, for `aria-describedby` hints next to inputs. */
export function fieldError(error: ApiError | null | undefined, field: string): string | undefined {
  return error?.fieldErrors?.[field]?.[0];
}
