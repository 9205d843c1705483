// Calls a route handler the way Next.js does, with every credential a route may ask for: the
// mocked member session (set by the test), an API token, a widget token, and the JSON content
// type and same-origin Origin header the CSRF checks require of state-changing requests.
import { NextRequest } from "next/server";
import { withSessionCookie } from "../signed-in-requests";
import type { DiscoveredRoute, HttpMethod } from "./routes";
import { concretePath } from "./routes";

export const APP_ORIGIN = "http://localhost:3000";

export interface FuzzRequest {
  method: HttpMethod;
  params: Record<string, string>;
  query: Record<string, string>;
  /** A JSON value to send, a raw text body (`{ raw }`), a multipart form with one file, or nothing. */
  /** false: leave the widget token out, so routes that take either credential use the member's. */
  withWidgetToken?: boolean;
  body?: { json: unknown } | { raw: string } | { form: { field: string; fileName: string; type: string; bytes: number[] } };
}

export interface FuzzCredentials {
  apiToken: string;
  widgetToken: string;
}

export interface FuzzResponse {
  url: string;
  status: number;
  text: string;
}

export async function callFuzzed(route: DiscoveredRoute, request: FuzzRequest, credentials: FuzzCredentials): Promise<FuzzResponse> {
  const handler = route.handlers[request.method];
  if (!handler) throw new Error(`${route.file} exports no ${request.method}`);
  const url = new URL(concretePath(route, request.params), APP_ORIGIN);
  for (const [key, value] of Object.entries(request.query)) url.searchParams.append(key, value); // URLSearchParams sends lone surrogates as U+FFFD, as browsers do
  const headers = withSessionCookie(new Headers({
    authorization: `Bearer ${credentials.apiToken}`,
    origin: APP_ORIGIN,
    "sec-fetch-site": "same-origin",
    "x-forwarded-for": "203.0.113.9",
  }));
  if (request.withWidgetToken !== false) headers.set("x-widget-token", credentials.widgetToken);
  let body: string | FormData | undefined;
  if (request.body && request.method !== "GET" && request.method !== "HEAD") {
    if ("form" in request.body) {
      // FormData sets the multipart content type with its boundary itself.
      const { field, fileName, type, bytes } = request.body.form;
      body = new FormData();
      body.append(field, new File([new Uint8Array(bytes)], fileName, { type }));
    } else {
      body = "raw" in request.body ? request.body.raw : JSON.stringify(request.body.json) ?? "null";
      headers.set("content-type", "application/json");
    }
  }
  const params: Record<string, string | string[]> = {};
  for (const name of route.params) {
    const value = request.params[name] ?? "";
    params[name.replace(/^\.\.\./, "")] = name.startsWith("...") ? value.split("/") : value;
  }
  const response = await handler(new NextRequest(url, { method: request.method, headers, body }), { params: Promise.resolve(params) });
  // Read the body: a stream that errors half-way is a 500 the status line would hide.
  const text = request.method === "HEAD" ? "" : await response.text();
  return { url: `${request.method} ${url.pathname}${url.search}`.slice(0, 500), status: response.status, text };
}

/** The failure, if any: a 5xx or an INTERNAL error body. */
export function serverFault(response: FuzzResponse): string | null {
  const isInternal = /"code"\s*:\s*"INTERNAL"/.test(response.text);
  if (response.status < 500 && !isInternal) return null;
  return `${response.url} answered ${response.status}: ${response.text.slice(0, 300)}`;
}
