// OPS-4: the request being served, for log lines: its id and, once a route authenticated the
// caller, the shop. One AsyncLocalStorage on globalThis, shared by the custom server (which
// opens the context) and Next.js's bundled route handlers (which add the shop).
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

export interface RequestContext {
  reqId: string;
  shopId?: string;
}

const holder = globalThis as unknown as { __counterpartRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__counterpartRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called by a route once it knows whose request this is; outside a request it does nothing. */
export function noteRequestShop(shopId: string): void {
  const context = storage.getStore();
  if (context) context.shopId = shopId;
}

// Letters, digits and - _ . : only, at most 128: an incoming id can be logged and echoed safely.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is sane, otherwise a new random id. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}
