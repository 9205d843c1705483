// Issue 3 item 4, CHAT-2, NF-3: uploads through POST /api/uploads and GET /api/uploads/<id>,
// called as Next.js route handlers on a real PostgreSQL and a temporary DATA_DIR. The type is
// decided by the bytes, the limits by the type; refusals explain why; files are served with
// their stored type, nosniff and HTTP Range (so videos play and seek).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";
import { signInAs, signOut, signedInRequest } from "../support/signed-in-requests";


const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-uploads-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET = "uploads-test-secret-0123456789abcdefghij";
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { db, reset } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;

const uploadsRoute = await import("../../src/app/api/uploads/route");
const uploadRoute = await import("../../src/app/api/uploads/[id]/route");
const { signWidgetToken } = await import("../../src/server/services/widget/tokens");
const { ingestBuyerMessage } = await import("../../src/server/services/messaging/ingest-buyer-message");
const { UNSUPPORTED_TYPE_MESSAGE, UPLOAD_LIMITS } = await import("../../src/core/uploads/detect-content-type");

beforeEach(async () => {
  await reset();
  signOut();
});

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const SAMPLES = {
  jpeg: [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...ascii("JFIF")],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...ascii("IHDR")],
  gif: ascii("GIF89a\x01\x00\x01\x00"),
  webp: [...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WEBPVP8 ")],
  mp4: [0, 0, 0, 0x18, ...ascii("ftypisom"), 0, 0, 2, 0, ...ascii("isomiso2")],
  webm: [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...ascii("webm")],
};

/** A file of `size` bytes starting with `head`, the rest random. */
function fileBytes(head: number[], size = 4096): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, head.length));
  crypto.randomFillSync(bytes);
  bytes.set(head);
  return bytes;
}

async function buyerToken(options: { blocked?: boolean } = {}) {
  const shop = await createShop(db);
  const buyer = await createBuyer(db, { shopId: shop.id });
  if (options.blocked) await db.blockedBuyer.create({ data: { shopId: shop.id, buyerId: buyer.id } });
  return { shop, buyer, token: signWidgetToken(process.env.NEXTAUTH_SECRET!, { shopId: shop.id, buyerId: buyer.id }, new Date()) };
}

function uploadRequest(bytes: Uint8Array | null, options: { name?: string; type?: string; token?: string; field?: string } = {}): NextRequest {
  const form = new FormData();
  if (bytes) form.append(options.field ?? "file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: options.type ?? "application/octet-stream" }), options.name ?? "file.bin");
  const headers: Record<string, string> = {};
  if (options.token) headers["x-widget-token"] = options.token;
  return signedInRequest("http://localhost/api/uploads", { method: "POST", body: form, headers });
}

async function upload(bytes: Uint8Array | null, options: Parameters<typeof uploadRequest>[1] = {}) {
  const response = await uploadsRoute.POST(uploadRequest(bytes, options));
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } };
}

function get(id: string, headers: Record<string, string> = {}) {
  return uploadRoute.GET(signedInRequest(`http://localhost/api/uploads/${id}`, { headers }), { params: Promise.resolve({ id }) });
}

describe("POST /api/uploads: type by content (CHAT-2, NF-3)", () => {
  it.each([
    ["jpeg", "image/jpeg", "image"],
    ["png", "image/png", "image"],
    ["gif", "image/gif", "image"],
    ["webp", "image/webp", "image"],
    ["mp4", "video/mp4", "video"],
    ["webm", "video/webm", "video"],
  ] as const)("CHAT-2 a %s file is stored as %s whatever its name and claimed type", async (sample, mimeType, kind) => {
    const { shop, buyer, token } = await buyerToken();
    const bytes = fileBytes(SAMPLES[sample]);
    const { status, body } = await upload(bytes, { token, name: "notes.txt", type: "text/plain" });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ mimeType, kind, sizeBytes: bytes.byteLength, fileName: "notes.txt" });
    const uploadId = body.data!.uploadId as string;
    expect(uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data!.url).toBe(`/api/uploads/${uploadId}`);
    const row = await db.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(row).toMatchObject({ shopId: shop.id, mimeType, sizeBytes: bytes.byteLength, uploadedBy: `buyer:${buyer.id}` });
    expect(fs.readFileSync(path.join(dataDir, "uploads", row.storageKey))).toEqual(Buffer.from(bytes));
  });

  it("NF-3 a text file named .png and claimed as image/png is refused with 415 and the reason", async () => {
    const { token } = await buyerToken();
    const { status, body } = await upload(new TextEncoder().encode("this is just text, not a picture"), { token, name: "holiday.png", type: "image/png" });
    expect(status).toBe(415);
    expect(body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: UNSUPPORTED_TYPE_MESSAGE, fieldErrors: { file: [UNSUPPORTED_TYPE_MESSAGE] } });
    expect(await db.upload.count()).toBe(0);
  });

  it.each([
    ["an HTML page", ascii("<!doctype html><script>alert(1)</script>")],
    ["an SVG image", ascii("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")],
    ["a QuickTime movie", [0, 0, 0, 0x14, ...ascii("ftypqt  ")]],
  ])("NF-3 %s is refused", async (_name, head) => {
    const { token } = await buyerToken();
    expect((await upload(fileBytes(head, 64), { token })).status).toBe(415);
  });

  it("CHAT-2 images up to 10 MB, videos up to 50 MB; a refusal says which limit", async () => {
    const { token } = await buyerToken();
    expect((await upload(fileBytes(SAMPLES.png, UPLOAD_LIMITS.image), { token })).status).toBe(200);
    const bigImage = await upload(fileBytes(SAMPLES.jpeg, UPLOAD_LIMITS.image + 1), { token });
    expect(bigImage.status).toBe(413);
    expect(bigImage.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Images can be at most 10 MB." });
    // The same size is fine for a video.
    expect((await upload(fileBytes(SAMPLES.mp4, UPLOAD_LIMITS.image + 1), { token })).status).toBe(200);
    const bigVideo = await upload(fileBytes(SAMPLES.webm, UPLOAD_LIMITS.video + 1), { token });
    expect(bigVideo.status).toBe(413);
    expect(bigVideo.body.error?.message).toMatch(/at most 50 MB/);
  });

  it("NF-3 an empty file or a missing field is a 400 with the field named", async () => {
    const { token } = await buyerToken();
    const empty = await upload(new Uint8Array(0), { token });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.fieldErrors?.file).toBeDefined();
    const missing = await upload(fileBytes(SAMPLES.png), { token, field: "attachment" });
    expect(missing.status).toBe(400);
    expect(missing.body.error?.fieldErrors?.file).toBeDefined();
  });
});

describe("POST /api/uploads: who may upload (NF-3, CHAT-9)", () => {
  it("NF-3 without a widget token or a member session the upload is refused with 401", async () => {
    const { status, body } = await upload(fileBytes(SAMPLES.png));
    expect(status).toBe(401);
    expect(body.error?.code).toBe("UNAUTHENTICATED");
  });

  it("NF-3 a forged or foreign-secret widget token is refused with 401", async () => {
    const { shop, buyer } = await buyerToken();
    const forged = signWidgetToken("another-secret-entirely-0123456789", { shopId: shop.id, buyerId: buyer.id }, new Date());
    expect((await upload(fileBytes(SAMPLES.png), { token: forged })).status).toBe(401);
    expect((await upload(fileBytes(SAMPLES.png), { token: "garbage" })).status).toBe(401);
  });

  it("CHAT-9 a blocked buyer cannot upload and is told why", async () => {
    const { token } = await buyerToken({ blocked: true });
    const { status, body } = await upload(fileBytes(SAMPLES.png), { token });
    expect(status).toBe(403);
    expect(body.error?.message).toBe("This shop is not accepting messages from you.");
  });

  it("NF-3 widget uploads are rate-limited per buyer with a clear 429", async () => {
    const { token } = await buyerToken();
    const other = await buyerToken();
    const statuses: number[] = [];
    for (let i = 0; i < uploadsRoute.WIDGET_UPLOAD_LIMIT.limit; i += 1) statuses.push((await upload(fileBytes(SAMPLES.gif, 64), { token })).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const response = await uploadsRoute.POST(uploadRequest(fileBytes(SAMPLES.gif, 64), { token }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/too fast/);
    // Another buyer is not affected.
    expect((await upload(fileBytes(SAMPLES.gif, 64), { token: other.token })).status).toBe(200);
  });

  it("TEAM-1 a signed-in member uploads with the permission upload:create and is recorded as the uploader", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, role: "agent" });
    await signInAs(db, { userId: member.userId, shopId: shop.id });
    const { status, body } = await upload(fileBytes(SAMPLES.webp), { name: "label.webp" });
    expect(status).toBe(200);
    const row = await db.upload.findUniqueOrThrow({ where: { id: body.data!.uploadId as string } });
    expect(row).toMatchObject({ shopId: shop.id, uploadedBy: `member:${member.id}`, mimeType: "image/webp", fileName: "label.webp" });
  });

  it("CHAT-2 a buyer's uploaded image becomes an image message of their conversation", async () => {
    const { shop, buyer, token } = await buyerToken();
    const { body } = await upload(fileBytes(SAMPLES.png), { token, name: "broken-mug.png" });
    const result = await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "client-upload-1", content: { kind: "image", uploadId: body.data!.uploadId as string } });
    expect(result.data.message).toMatchObject({ kind: "image", payload: { url: body.data!.url, mimeType: "image/png", fileName: "broken-mug.png" } });
  });
});

describe("GET /api/uploads/<id>: serving (CHAT-2)", () => {
  async function stored(sample: keyof typeof SAMPLES, size = 10_000) {
    const { token } = await buyerToken();
    const bytes = fileBytes(SAMPLES[sample], size);
    const { body } = await upload(bytes, { token, name: "clip ünïcode.mp4" });
    return { id: body.data!.uploadId as string, bytes };
  }

  it("CHAT-2 serves the whole file with the stored type, nosniff and long cache headers", async () => {
    const { id, bytes } = await stored("mp4");
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=5000-", 5000, 9999],
    ["bytes=-1000", 9000, 9999],
    ["bytes=9990-20000", 9990, 9999],
  ])("CHAT-2 Range %s answers 206 with exactly those bytes", async (range, start, end) => {
    const { id, bytes } = await stored("webm");
    const response = await get(id, { range });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bytes.byteLength}`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(response.headers.get("content-type")).toBe("video/webm");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
  });

  it("CHAT-2 a range past the end is 416 with the size; a repeat with the ETag is 304", async () => {
    const { id, bytes } = await stored("png");
    const unsatisfiable = await get(id, { range: `bytes=${bytes.byteLength}-` });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers.get("content-range")).toBe(`bytes */${bytes.byteLength}`);
    const first = await get(id);
    const etag = first.headers.get("etag")!;
    await first.arrayBuffer();
    expect((await get(id, { "if-none-match": etag })).status).toBe(304);
  });

  it("NF-3 unknown and malformed ids are 404", async () => {
    expect((await get(crypto.randomUUID())).status).toBe(404);
    expect((await get("../../etc/passwd")).status).toBe(404);
  });
});
