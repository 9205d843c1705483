// The workbench's reads: member routes answer `{ data }` or `{ error: { code, message } }`.
// The error keeps the route's code and English message; the panel says it in the member's
// language (workbench-texts.ts).
export class WorkbenchFetchError extends Error {
  constructor(
    /** "unreachable": no answer at all; "failed": the route refused or answered nonsense. */
    readonly reason: "unreachable" | "failed",
    message = "",
    readonly code?: string,
  ) {
    super(message);
    this.name = "WorkbenchFetchError";
  }
}

export async function fetchWorkbench<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new WorkbenchFetchError("unreachable");
  }
  const json = (await response.json().catch(() => null)) as { data?: T; error?: { code?: string; message?: string } } | null;
  if (!response.ok || !json || json.data === undefined) {
    throw new WorkbenchFetchError("failed", json?.error?.message ?? "", json?.error?.code);
  }
  return json.data;
}

export function isAbort(error: unknown): boolean {
  return (error as Error | null)?.name === "AbortError";
}
