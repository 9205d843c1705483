// The workbench's reads: member routes answer `{ data }` or `{ error: { message } }`.
export class WorkbenchFetchError extends Error {}

export async function fetchWorkbench<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new WorkbenchFetchError("Could not reach the server. Check your connection and try again.");
  }
  const json = (await response.json().catch(() => null)) as { data?: T; error?: { message?: string } } | null;
  if (!response.ok || !json || json.data === undefined) {
    throw new WorkbenchFetchError(json?.error?.message ?? "Could not load this. Try again.");
  }
  return json.data;
}

export function isAbort(error: unknown): boolean {
  return (error as Error | null)?.name === "AbortError";
}
