// Issue 2, item 6: socket connections are authenticated from the same next-auth session, and
// refused without it. Real server on port 0, real socket.io-client clients.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRealtimeServer, type RealtimeServer } from "../../src/server/realtime/realtime-server";
import { CONSOLE_NAMESPACE, type ConsoleHello } from "../../src/shared/events";
import { startSignInSession } from "../../src/server/services/sign-in-sessions";
import { createMember, createShop } from "../factories";
import { useTestDatabase } from "../support/test-database";

const SECRET = "test-secret-that-is-at-least-32-characters-long";
const { db } = await useTestDatabase();
let httpServer: HttpServer;
let realtime: RealtimeServer;
let baseUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = createServer();
  realtime = await createRealtimeServer(httpServer, { db, authSecret: SECRET });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect());
  await realtime.close();
});

/** A cookie naming a live sign-in session (issue 15) of a member at session version 0. */
async function sessionCookie(claims: { userId: string; shopId: string }, secret = SECRET) {
  const { sessionId } = await startSignInSession(db, { userId: claims.userId });
  return `next-auth.session-token=${await encode({ token: { ...claims, sessionId, sessionVersion: 0 }, secret })}`;
}

function connectConsole(cookie?: string): Promise<{ hello?: ConsoleHello; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(`${baseUrl}${CONSOLE_NAMESPACE}`, {
      extraHeaders: cookie ? { cookie } : {},
      reconnection: false,
      transports: ["polling", "websocket"],
    });
    sockets.push(socket);
    socket.on("console.ready", (hello: ConsoleHello) => resolve({ hello }));
    socket.on("connect_error", (error) => resolve({ error: error.message }));
  });
}

describe("socket authentication (issue 2, TEAM-1)", () => {
  it("accepts a console connection carrying a valid session and says who connected", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, nickname: "Ava" });
    const result = await connectConsole(await sessionCookie({ userId: member.userId, shopId: shop.id }));
    expect(result.hello).toMatchObject({ memberId: member.id, shopId: shop.id, nickname: "Ava", role: "agent" });
  });

  it("refuses a connection without a session cookie", async () => {
    expect(await connectConsole()).toEqual({ error: "unauthorized" });
  });

  it("refuses a token signed with another secret", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    const forged = await sessionCookie({ userId: member.userId, shopId: shop.id }, "another-secret-that-is-also-32-characters");
    expect(await connectConsole(forged)).toEqual({ error: "unauthorized" });
  });

  it("refuses garbage in the cookie", async () => {
    expect(await connectConsole("next-auth.session-token=not-a-jwt")).toEqual({ error: "unauthorized" });
  });

  it("TEAM-3 refuses a deactivated member even with a valid token", async () => {
    const shop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id, status: "deactivated" });
    expect(await connectConsole(await sessionCookie({ userId: member.userId, shopId: shop.id }))).toEqual({ error: "unauthorized" });
  });

  it("refuses a valid user claiming a shop they are not a member of", async () => {
    const shop = await createShop(db);
    const otherShop = await createShop(db);
    const member = await createMember(db, { shopId: shop.id });
    expect(await connectConsole(await sessionCookie({ userId: member.userId, shopId: otherShop.id }))).toEqual({ error: "unauthorized" });
  });

  it("refuses the default namespace", async () => {
    const result = await new Promise<string>((resolve) => {
      const socket = connect(baseUrl, { reconnection: false });
      sockets.push(socket);
      socket.on("connect", () => resolve("connected"));
      socket.on("connect_error", (error) => resolve(error.message));
    });
    expect(result).toBe("unauthorized");
  });
});
