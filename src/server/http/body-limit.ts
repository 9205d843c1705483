// NF-3 (issue 15): every request body is bounded as it arrives, before Next.js or a route sees
// it. The custom server calls guardRequestBody for each request: a Content-Length over the
// path's limit is answered 413 at once, unread; a body without one (chunked) is counted chunk
// by chunk and answered 413 the moment it passes the limit, whatever the headers said. Routes
// keep their own, tighter checks (read-json-body.ts, the upload parser): this guard is the
// outer wall that no route can forget.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { MAX_UPLOAD_BYTES } from "@/core/uploads/detect-content-type";
import { AVATAR_MAX_BYTES } from "@/shared/team";

const KB = 1024;

/** Room for the multipart envelope (boundaries, part headers) around the largest file. */
export const MULTIPART_ENVELOPE_BYTES = 256 * KB;

export interface BodyLimitRule {
  /** A path prefix matched segment-wise: "/api/v1" covers "/api/v1" and "/api/v1/...". */
  prefix: string;
  maxBytes: number;
}

/** First match wins; keep the longer prefixes first. Documented in docs/security.md. */
export const BODY_LIMIT_RULES: readonly BodyLimitRule[] = [
  { prefix: "/api/uploads", maxBytes: MAX_UPLOAD_BYTES + MULTIPART_ENVELOPE_BYTES },
  { prefix: "/api/me/avatar", maxBytes: AVATAR_MAX_BYTES + 64 * KB },
  // Integration payloads are records (parse-request.ts MAX_JSON_BODY_BYTES is the same figure).
  { prefix: "/api/v1", maxBytes: 1_000_000 },
  // The public widget endpoints take a key, a visitor id and a token: a few hundred bytes.
  { prefix: "/api/widget", maxBytes: 64 * KB },
];

/** Every other path: member JSON (settings, quick replies, review words), sign-in forms. */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * KB;

/** How long a refused connection keeps discarding what the client still sends, so it reads the 413. */
const LINGER_MS = 2_000;

/** The limit for a request path. The path is normalised the way the router will see it ("..", "%2e"). */
export function bodyLimitFor(rawUrl: string | undefined): number {
  let pathname: string;
  try {
    pathname = new URL(rawUrl ?? "/", "http://localhost").pathname;
  } catch {
    return DEFAULT_BODY_LIMIT_BYTES;
  }
  for (const rule of BODY_LIMIT_RULES) {
    if (pathname === rule.prefix || pathname.startsWith(`${rule.prefix}/`)) return rule.maxBytes;
  }
  return DEFAULT_BODY_LIMIT_BYTES;
}

function describe(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.round((bytes / (1024 * KB)) * 10) / 10} MB` : `${Math.round(bytes / KB)} KB`;
}

function refuse(socket: Socket | null, res: ServerResponse, maxBytes: number): void {
  if (!res.headersSent && !res.writableEnded) {
    const body = JSON.stringify({ error: { code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than this address accepts (${describe(maxBytes)}).` } });
    res.writeHead(413, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), connection: "close" });
    res.end(body);
  }
  // Lingering close: keep discarding for a moment so the client gets to read the 413 instead of
  // a reset, then drop the connection; whatever was waiting for the rest of the body is aborted.
  if (!socket || socket.destroyed) return;
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/**
 * Bounds the request's body at `maxBytes`. Returns false when the request was answered here
 * (413) and must not be handed on. Counting happens where Node's HTTP parser delivers each chunk
 * (IncomingMessage#push), so it holds however the body is read later (streams, Web Request,
 * formData) and costs nothing for bodies that are never read.
 */
export function guardRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes: number = bodyLimitFor(req.url)): boolean {
  // Taken now: once a response has finished, Node may detach the socket from the request.
  const socket = req.socket;
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) {
    refuse(socket, res, maxBytes);
    return false;
  }
  let received = 0;
  let isRefused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (isRefused) return true; // discarded: nothing past the limit is kept or handed on
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as { length: number }).length;
      if (received > maxBytes) {
        isRefused = true;
        refuse(socket, res, maxBytes);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
