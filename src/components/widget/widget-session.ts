// The widget's HTTP side (WIDGET-1, WIDGET-2): who the buyer is (POST /api/widget/session, with
// the visitor id kept in the storefront's localStorage) and what the page shows
// (GET /api/widget/context). The socket and the thread live in widget-client.ts.
import { newClientId } from "@/shared/message-schemas";
import { WIDGET_TOKEN_HEADER } from "@/shared/uploads";
import { WIDGET_CONTEXT_ENDPOINT, WIDGET_SESSION_ENDPOINT, type WidgetContextDto, type WidgetSession } from "@/shared/widget";

export interface PageContext {
  productId?: string | null;
  orderId?: string | null;
}

export type VisitorStorage = Pick<Storage, "getItem" | "setItem">;

export class WidgetRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status; `isFromServer` false when the answer carried no error of ours (a proxy's page, a crash). */
    readonly status: number,
    readonly isFromServer: boolean,
  ) {
    super(message);
  }
}

export interface WidgetHttpOptions {
  shopKey: string;
  storage?: VisitorStorage;
  baseUrl?: string;
}

export async function startWidgetSession(options: WidgetHttpOptions, identityToken: string | null): Promise<WidgetSession> {
  // The visitor id is made here and kept before asking, so that two starts racing (a second
  // tab, React's strict mode) name the same buyer.
  const key = `counterpart:visitor:${options.shopKey}`;
  let visitorId = safeGet(options.storage, key);
  if (!visitorId || !/^[A-Za-z0-9_-]{16,64}$/.test(visitorId)) {
    visitorId = `v${newClientId()}`.slice(0, 40);
    safeSet(options.storage, key, visitorId);
  }
  const body: Record<string, string> = { publicKey: options.shopKey, visitorId };
  if (identityToken) body.identityToken = identityToken;
  const info = await request<WidgetSession>(options, WIDGET_SESSION_ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (info.visitorId) safeSet(options.storage, key, info.visitorId);
  return info;
}

export function fetchWidgetContext(options: WidgetHttpOptions, token: string, page: PageContext): Promise<WidgetContextDto> {
  const query = new URLSearchParams();
  if (page.productId) query.set("productId", page.productId);
  if (page.orderId) query.set("orderId", page.orderId);
  return request<WidgetContextDto>(options, `${WIDGET_CONTEXT_ENDPOINT}?${query.toString()}`, { headers: { [WIDGET_TOKEN_HEADER]: token } });
}

async function request<T>(options: WidgetHttpOptions, path: string, init: RequestInit): Promise<T> {
  const response = await fetch(`${options.baseUrl ?? ""}${path}`, { ...init, credentials: "omit", cache: "no-store" });
  const json = (await response.json().catch(() => null)) as { data?: T; error?: { code: string; message: string } } | null;
  if (!response.ok || !json || json.data === undefined) {
    const error = json?.error;
    throw new WidgetRequestError(error?.code ?? "INTERNAL", error?.message ?? `The chat is unavailable right now (HTTP ${response.status}).`, response.status, error !== undefined);
  }
  return json.data;
}

function safeGet(storage: VisitorStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(storage: VisitorStorage | undefined, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Storage blocked (private mode, third-party cookies off): the visitor is new next time.
  }
}
