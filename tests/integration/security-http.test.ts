// Issue 15 items 1-2 (NF-3, TEAM-1, WIDGET-1): bounded bodies, the CSRF rule and origin checks,
// on the real route handlers and a real HTTP server with the server-wide body guard, against the
// real PostgreSQL and a temporary DATA_DIR. Only the session lookup is redirected (as in the
// other route tests); the member is still resolved from the database.
import crypto from "node:crypto";
import fs from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { type NextRequest } from "next/server";
import { io as connect } from "socket.io-client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { signInCookie } from "../factories/session-cookie";
import { streamBody } from "../support/stream-body";
import { useTestDatabase } from "../support/test-database";
import { signInAs, signOut, signedInRequest } from "../support/signed-in-requests";


const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cp-security-"));
process.env.DATA_DIR = dataDir;
process.env.NEXTAUTH_SECRET = "security-test-secret-0123456789abcdefghij";
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const { db, reset } = await useTestDatabase();
(globalThis as unknown as { __counterpartPrisma?: unknown }).__counterpartPrisma = db;

const { guardRequestBody, bodyLimitFor } = await import("../../src/server/http/body-limit");
const shopSettingsRoute = await import("../../src/app/api/team/shop-settings/route");
const widgetSessionRoute = await import("../../src/app/api/widget/session/route");
const uploadsRoute = await import("../../src/app/api/uploads/route");
const { signWidgetToken } = await import("../../src/server/services/widget/tokens");
const { createRealtimeServer } = await import("../../src/server/realtime/realtime-server");
const { CONSOLE_NAMESPACE } = await import("../../src/shared/events");

beforeEach(async () => {
  await reset();
  signOut();
});

const MB = 1024 * 1024;

describe("the server-wide body guard (NF-3, issue 15)", () => {
  let server: Server;
  let baseUrl: string;
  let received = 0;

  beforeEach(async () => {
    received = 0;
    // Reads the whole body like any handler would, and answers only when it ends.
    server = createServer((req, res) => {
      if (!guardRequestBody(req, res)) return;
      req.on("data", (part: Buffer) => (received += part.length));
      req.on("end", () => res.end(JSON.stringify({ received })));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("NF-3: a chunked JSON body over the limit gets 413 the moment it passes, without being read whole", async () => {
    const limit = bodyLimitFor("/api/widget/session");
    const result = await streamBody(`${baseUrl}/api/widget/session`, { totalBytes: 500 * MB, headers: { "content-type": "application/json", "transfer-encoding": "chunked" } });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(received).toBeLessThanOrEqual(limit);
    // The client was stopped long before 500 MB (socket buffers allow a few MB in flight).
    expect(result.sentBytes).toBeLessThan(32 * MB);
  });

  it("NF-3: a Content-Length over the limit gets 413 before any byte of the body is sent", async () => {
    const result = await new Promise<{ status: number }>((resolve, reject) => {
      const request = httpRequest(`${baseUrl}/api/v1/products`, { method: "POST", headers: { "content-length": String(2 * MB), "content-type": "application/json" } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
        request.destroy();
      });
      request.on("error", reject);
      request.flushHeaders();
    });
    expect(result.status).toBe(413);
    expect(received).toBe(0);
  });

  it("NF-3: a body within the limit passes untouched", async () => {
    const result = await streamBody(`${baseUrl}/api/team/shop-settings`, { totalBytes: 128 * 1024, headers: { "transfer-encoding": "chunked" } });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ received: 128 * 1024 });
  });
});

async function signInOwner() {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner" });
  await signInAs(db, { userId: owner.userId, shopId: shop.id });
  return shop;
}

const SETTINGS = { dueSoonThresholdMinutes: 90, greetingEnabled: false, greetingTemplate: "", autoSendThreshold: null, reviewWords: [] };

function putSettings(body: string, headers: Record<string, string>) {
  return shopSettingsRoute.PUT(signedInRequest("http://localhost/api/team/shop-settings", { method: "PUT", body, headers }), { params: Promise.resolve({}) });
}

describe("CSRF on cookie-authenticated routes (issue 15, TEAM-1)", () => {
  it("NF-3: a text/plain body on a member route is refused with 415 and nothing changes", async () => {
    const shop = await signInOwner();
    const response = await putSettings(JSON.stringify(SETTINGS), { "content-type": "text/plain" });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).dueSoonThresholdMinutes).toBe(240);
  });

  it.each([
    ["another port of the same host", { origin: "http://localhost:4000" }],
    ["another site", { origin: "https://evil.example" }],
    ["a sandboxed frame", { origin: "null" }],
    ["no Origin but Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
  ])("NF-3: a state change from %s is refused with 403 and nothing changes", async (_name, headers) => {
    const shop = await signInOwner();
    const response = await putSettings(JSON.stringify(SETTINGS), { "content-type": "application/json", ...headers });
    expect(response.status).toBe(403);
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).dueSoonThresholdMinutes).toBe(240);
  });

  it("NF-3: the app's own origin, or Sec-Fetch-Site same-origin, is accepted", async () => {
    const shop = await signInOwner();
    expect((await putSettings(JSON.stringify(SETTINGS), { "content-type": "application/json", origin: "http://localhost" })).status).toBe(200);
    expect((await putSettings(JSON.stringify({ ...SETTINGS, dueSoonThresholdMinutes: 91 }), { "content-type": "application/json", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).dueSoonThresholdMinutes).toBe(91);
  });

  it("WIDGET-1: the allowed storefront origins are a shop setting, normalised and validated", async () => {
    const shop = await signInOwner();
    const saved = await putSettings(JSON.stringify({ ...SETTINGS, allowedOrigins: ["https://Shop.Example/", "https://shop.example", "http://localhost:8080"] }), { "content-type": "application/json" });
    expect(saved.status).toBe(200);
    expect((await saved.json()).data.allowedOrigins).toEqual(["https://shop.example", "http://localhost:8080"]);
    const bad = await putSettings(JSON.stringify({ ...SETTINGS, allowedOrigins: ["https://shop.example/path", "javascript:alert(1)"] }), { "content-type": "application/json" });
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors ?? {}).some((key) => key.startsWith("allowedOrigins"))).toBe(true);
    // A save without the field leaves the list as it was.
    expect((await putSettings(JSON.stringify(SETTINGS), { "content-type": "application/json" })).status).toBe(200);
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).allowedOrigins).toEqual(["https://shop.example", "http://localhost:8080"]);
  });
});

describe("the widget's endpoints check the shop's allowed origins (WIDGET-1, issue 15)", () => {
  let address = 0;
  const startSession = (publicKey: string, origin?: string) =>
    widgetSessionRoute.POST(
      signedInRequest("http://localhost/api/widget/session", {
        method: "POST",
        body: JSON.stringify({ publicKey }),
        headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${Math.floor(address / 250)}.${(address++ % 250) + 1}`, ...(origin ? { origin } : {}) },
      }),
    );

  it("WIDGET-1: a call from an origin the shop did not allow is refused; an allowed one and the widget frame's own are accepted", async () => {
    const shop = await createShop(db);
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { allowedOrigins: ["https://shop.example"] } });
    expect((await startSession(shop.publicKey, "https://evil.example")).status).toBe(403);
    expect((await startSession(shop.publicKey, "https://shop.example")).status).toBe(200);
    expect((await startSession(shop.publicKey, "http://localhost")).status).toBe(200);
    expect((await startSession(shop.publicKey)).status).toBe(200);
  });

  it("WIDGET-1: a shop with an empty list accepts any origin", async () => {
    const shop = await createShop(db);
    expect((await startSession(shop.publicKey, "https://anyone.example")).status).toBe(200);
  });

  it("WIDGET-1: a buyer's upload from a foreign origin is refused and nothing is stored", async () => {
    const shop = await createShop(db);
    await db.shopSettings.update({ where: { shopId: shop.id }, data: { allowedOrigins: ["https://shop.example"] } });
    const buyer = await createBuyer(db, { shopId: shop.id });
    const token = signWidgetToken(process.env.NEXTAUTH_SECRET!, { shopId: shop.id, buyerId: buyer.id }, new Date());
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]), "a.png");
    const response = await uploadsRoute.POST(signedInRequest("http://localhost/api/uploads", { method: "POST", body: form, headers: { "x-widget-token": token, origin: "https://evil.example" } }));
    expect(response.status).toBe(403);
    expect(await db.upload.count()).toBe(0);
  });
});

describe("uploads stream to storage (NF-3, CHAT-2, issue 15)", () => {
  it("NF-3: a chunked upload over the video limit is refused with 413 as it passes, and leaves no file or row", async () => {
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const token = signWidgetToken(process.env.NEXTAUTH_SECRET!, { shopId: shop.id, buyerId: buyer.id }, new Date());
    const boundary = "----security-test";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
    const mp4 = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypisom"), 0, 0, 2, 0, ...Buffer.from("isomiso2")]);
    const chunk = Buffer.alloc(MB, 0x11);
    let pulled = 0;
    // 200 MB offered, without a Content-Length; the route must stop pulling soon after 50 MB.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          if (pulled === 1) controller.enqueue(Buffer.concat([head, mp4]));
          else if (pulled < 200) controller.enqueue(chunk);
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await uploadsRoute.POST(
      signedInRequest("http://localhost/api/uploads", { method: "POST", body, duplex: "half", headers: { "x-widget-token": token, "content-type": `multipart/form-data; boundary=${boundary}` } } as ConstructorParameters<typeof NextRequest>[1]),
    );
    const answer = (await response.json()) as { error: { message: string } };
    expect({ status: response.status, message: answer.error.message }).toMatchObject({ status: 413, message: expect.stringMatching(/at most 50 MB/) });
    expect(pulled).toBeLessThan(60);
    expect(await db.upload.count()).toBe(0);
    const files = fs.readdirSync(dataDir, { recursive: true }).map(String).filter((name) => /\.(mp4|part)$/.test(name));
    expect(files).toEqual([]);
  });
});

describe("the console socket checks the handshake's Origin (issue 15)", () => {
  it("NF-3: a console handshake from a foreign Origin is refused, even with a valid session cookie; our own origin connects", async () => {
    const secret = "socket-origin-secret-at-least-32-characters";
    const httpServer = createServer();
    const realtime = await createRealtimeServer(httpServer, { db, authSecret: secret });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const { cookie } = await signInCookie(db, { userId: member.userId, shopId: shop.id }, secret);
    const attempt = (origin: string, transports: ("polling" | "websocket")[]) =>
      new Promise<"ready" | "refused">((resolve) => {
        const socket = connect(`http://${host}${CONSOLE_NAMESPACE}`, { extraHeaders: { cookie, origin }, reconnection: false, transports });
        socket.on("console.ready", () => (socket.disconnect(), resolve("ready")));
        socket.on("connect_error", () => (socket.disconnect(), resolve("refused")));
      });
    try {
      expect(await attempt("http://evil.example", ["polling"])).toBe("refused");
      expect(await attempt("http://evil.example", ["websocket"])).toBe("refused");
      expect(await attempt("http://127.0.0.1:1", ["polling"])).toBe("refused");
      expect(await attempt(`http://${host}`, ["polling", "websocket"])).toBe("ready");
    } finally {
      await realtime.close();
    }
  });
});

describe("unsent uploads are deleted after a day (NF-3, issue 15)", () => {
  it("NF-3: the hourly job deletes uploads no sent message uses once they are a day old, file and row; sent and recent ones stay", async () => {
    const { buildTaskList } = await import("../../src/server/jobs/runner");
    const { JOB_DELETE_UNSENT_UPLOADS } = await import("../../src/server/jobs/schedule");
    const { createUpload } = await import("../../src/server/services/uploads/create-upload");
    const { getUploadStorage } = await import("../../src/server/services/uploads/storage");
    const { ingestBuyerMessage } = await import("../../src/server/services/messaging/ingest-buyer-message");
    const { createTestRouting } = await import("../factories");
    const shop = await createShop(db);
    const buyer = await createBuyer(db, { shopId: shop.id });
    const storage = getUploadStorage();
    const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...crypto.randomBytes(32)]);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    const upload = (now: Date) => createUpload(db, { storage, shopId: shop.id, uploader: { type: "buyer", buyerId: buyer.id }, fileName: "x.png", bytes: png(), now });
    const unsent = await upload(dayAgo);
    const sent = await upload(dayAgo);
    const recent = await upload(new Date());
    await ingestBuyerMessage(db, { shopId: shop.id, buyerId: buyer.id, clientId: "security-sent-1", content: { kind: "image", uploadId: sent.uploadId } });
    // A write that crashed half-way, a day ago.
    const stale = path.join(dataDir, "uploads", "media", shop.id, "crashed.png.abc123.part");
    fs.writeFileSync(stale, "partial");
    fs.utimesSync(stale, dayAgo, dayAgo);

    const { routing } = createTestRouting({ now: new Date() });
    const tasks = buildTaskList(db, routing);
    await (tasks[JOB_DELETE_UNSENT_UPLOADS] as (payload: unknown, helpers: unknown) => Promise<void>)({}, {});

    const left = (await db.upload.findMany({ select: { id: true } })).map((row) => row.id).sort();
    expect(left).toEqual([sent.uploadId, recent.uploadId].sort());
    const files = fs.readdirSync(path.join(dataDir, "uploads", "media", shop.id));
    expect(files.some((name) => name.startsWith(unsent.uploadId))).toBe(false);
    expect(files.some((name) => name.startsWith(sent.uploadId))).toBe(true);
    expect(files.some((name) => name.startsWith(recent.uploadId))).toBe(true);
    expect(files.some((name) => name.endsWith(".part"))).toBe(false);
  });
});
