// Helpers for the API-1 and workbench integration tests: call exported route handlers the way
// Next.js does, and build conversations with messages without the messaging service.
import { NextRequest } from "next/server";
import type { Database } from "../../src/server/db/client";
import { createApiToken } from "../../src/server/services/integration/create-api-token";
import { withSessionCookie } from "../support/signed-in-requests";

type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Makes getDb() (used by the route wrappers) return the test database. */
export function useDbForRoutes(db: Database): void {
  (globalThis as unknown as { __counterpartPrisma?: Database }).__counterpartPrisma = db;
}

export async function callRoute(
  handler: RouteHandler,
  options: {
    method?: string;
    url: string;
    token?: string;
    authorization?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
): Promise<{ status: number; json: any; headers: Headers }> {
  const headers = withSessionCookie(new Headers());
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.authorization !== undefined) headers.set("authorization", options.authorization);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new NextRequest(new URL(options.url, "http://localhost"), { method: options.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, json: text && isJson ? JSON.parse(text) : text || null, headers: response.headers };
}

export async function issueToken(db: Database, shopId: string, name = "Test integration"): Promise<string> {
  return (await createApiToken(db, { shopId, name })).token;
}

/** A conversation with one session and text messages numbered 1..n (CHAT-3). */
export async function createConversation(
  db: Database,
  options: {
    shopId: string;
    buyerId: string;
    state?: "queued" | "open" | "ended" | "expired";
    assigneeId?: string | null;
    messages?: Array<{ author: "buyer" | "agent" | "bot" | "system"; body: string; memberId?: string }>;
    createdAt?: Date;
  },
) {
  const state = options.state ?? "queued";
  const createdAt = options.createdAt ?? new Date();
  const conversation = await db.conversation.create({ data: { shopId: options.shopId, buyerId: options.buyerId, createdAt } });
  const session = await db.chatSession.create({
    data: {
      shopId: options.shopId,
      conversationId: conversation.id,
      state,
      assigneeId: options.assigneeId ?? null,
      closedAt: state === "ended" || state === "expired" ? createdAt : null,
      createdAt,
    },
  });
  const messages = options.messages ?? [];
  for (const [index, message] of messages.entries()) {
    await db.message.create({
      data: {
        shopId: options.shopId,
        conversationId: conversation.id,
        sessionId: session.id,
        seq: index + 1,
        authorType: message.author,
        authorMemberId: message.memberId ?? null,
        kind: "text",
        body: message.body,
        createdAt: new Date(createdAt.getTime() + index * 1000),
      },
    });
  }
  const isActive = state === "queued" || state === "open";
  await db.conversation.update({
    where: { id: conversation.id },
    data: {
      lastSeq: messages.length,
      activeSessionId: isActive ? session.id : null,
      lastMessageAt: messages.length ? new Date(createdAt.getTime() + (messages.length - 1) * 1000) : null,
      lastMessagePreview: messages.at(-1)?.body ?? null,
    },
  });
  return { conversation, session };
}
