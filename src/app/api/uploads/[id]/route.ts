// GET /api/uploads/<id> (CHAT-2): the bytes of an image or video, with the type decided at
// upload from the content, never sniffed by the browser (nosniff, a CSP that runs nothing), and
// HTTP Range support (206) so videos play and seek. Access is by the unguessable random id:
// whoever holds the URL (the chat's buyer and the shop's agents) can read the file, which lets
// <img> and <video> load it from the widget's iframe and the console without cookies.
import { NextResponse, type NextRequest } from "next/server";
import { callService } from "@/server/services/call-service";
import { openUpload } from "@/server/services/uploads/read-upload";
import { getUploadStorage } from "@/server/services/uploads/storage";

const COMMON_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox",
  "accept-ranges": "bytes",
  // Upload ids are never reused and files never change: cache for good, in the browser only.
  "cache-control": "private, max-age=31536000, immutable",
  "cross-origin-resource-policy": "same-site",
};

function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function serve(request: NextRequest, context: { params: Promise<{ id: string }> }, withBody: boolean): Promise<Response> {
  const { id } = await context.params;
  const etag = `"${id}"`;
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ...COMMON_HEADERS, etag } });
  // If-Range with another validator means "the file changed": send it whole. Ours never change.
  const ifRange = request.headers.get("if-range");
  const rangeHeader = ifRange && ifRange !== etag ? null : request.headers.get("range");
  const opened = await callService(openUpload, { storage: getUploadStorage(), uploadId: id, rangeHeader });
  if (opened.status === "not_found") {
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "That file does not exist." } }, { status: 404, headers: { "x-content-type-options": "nosniff" } });
  }
  if (opened.status === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...COMMON_HEADERS, "content-range": `bytes */${opened.size}` } });
  }
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    etag,
    "content-type": opened.mimeType,
    "content-disposition": contentDisposition(opened.fileName),
  };
  if (!withBody) await opened.stream.cancel();
  if (opened.range) {
    const { start, end } = opened.range;
    headers["content-range"] = `bytes ${start}-${end}/${opened.size}`;
    headers["content-length"] = String(end - start + 1);
    return new Response(withBody ? opened.stream : null, { status: 206, headers });
  }
  headers["content-length"] = String(opened.size);
  return new Response(withBody ? opened.stream : null, { status: 200, headers });
}

export function GET(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return serve(request, context, true);
}

export function HEAD(request: NextRequest, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return serve(request, context, false);
}
