// NF-3, issue 15 ("31 inputs give a 500 or an INTERNAL ack"): each input the probe found, named
// after its finding, now answers 400 / BAD_INPUT with a field error, over member routes,
// /api/v1, the widget routes and both socket namespaces. The fuzz suites look for new ones.
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "../../src/shared/events";
import { seedFuzzShop, type FuzzShop } from "../support/fuzz/seed";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, waitFor, widgetToken, type RealtimeNode } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";
import { callRoute, useDbForRoutes } from "./api-v1-support";
import { signInAs } from "../support/signed-in-requests";


const NUL = "\u0000";
const YEAR_ZERO = "0000-01-01T00:00:00Z";
/** Year 10000 once the offset is applied. */
const YEAR_TEN_THOUSAND = "9999-12-31T23:59:59-14:00";
const ABOVE_INT4 = 2_147_483_648;

const { db } = await useTestDatabase();
useDbForRoutes(db);
const { encodeCursor } = await import("../../src/server/services/console-lists/cursor");
const apiTokens = await import("../../src/app/api/api-tokens/route");
const lists = await import("../../src/app/api/console/lists/route");
const blockedBuyers = await import("../../src/app/api/console/blocked-buyers/route");
const search = await import("../../src/app/api/console/search/route");
const v1Products = await import("../../src/app/api/v1/products/route");
const v1Orders = await import("../../src/app/api/v1/orders/route");
const v1OrderEvents = await import("../../src/app/api/v1/orders/[externalId]/events/route");
const v1Vouchers = await import("../../src/app/api/v1/vouchers/route");
const v1Conversation = await import("../../src/app/api/v1/conversations/[conversationId]/route");
const widgetSession = await import("../../src/app/api/widget/session/route");
const { API_V1_EXAMPLES } = await import("../../src/shared/api-v1-schemas");

let shop: FuzzShop;
let node: RealtimeNode;
let consoleSocket: Socket;
let widgetSocket: Socket;

beforeAll(async () => {
  shop = await seedFuzzShop(db);
  await signInAs(db, { userId: shop.owner.userId, shopId: shop.shopId });
  node = await startRealtimeNode(db);
  consoleSocket = connectConsole(node.url, await memberCookie(shop.owner), { reconnection: false });
  widgetSocket = connectWidget(node.url, widgetToken(shop.buyer), { reconnection: false });
  await Promise.all([waitFor(consoleSocket, "console.ready"), waitFor(widgetSocket, "widget.ready")]);
});

afterAll(async () => {
  consoleSocket?.disconnect();
  widgetSocket?.disconnect();
  await node?.stop();
});

function expectBadInput(response: { status: number; json: { error?: { code: string; fieldErrors?: Record<string, string[]> } } }, field?: string) {
  expect(response.status, JSON.stringify(response.json)).toBe(400);
  expect(response.json.error?.code).toBe("BAD_INPUT");
  if (field) expect(Object.keys(response.json.error?.fieldErrors ?? {})).toContain(field);
}

function expectBadInputAck(ack: Ack<unknown>, field?: string) {
  expect(ack.ok, JSON.stringify(ack)).toBe(false);
  if (ack.ok) return;
  expect(ack.error.code).toBe("BAD_INPUT");
  if (field) expect(Object.keys(ack.error.fieldErrors ?? {})).toContain(field);
}

const v1 = (handler: Parameters<typeof callRoute>[0], options: Omit<Parameters<typeof callRoute>[1], "token">) => callRoute(handler, { ...options, token: shop.apiToken });

describe("NF-3 issue 15: a NUL character in a text field is BAD_INPUT, never PostgreSQL 22021", () => {
  it("NF-3 NUL over HTTP: POST /api/api-tokens with a NUL in the name answers 400", async () => {
    expectBadInput(await callRoute(apiTokens.POST, { url: "/api/api-tokens", body: { name: `ci${NUL}bot` } }), "name");
  });

  it("NF-3 NUL over HTTP: a console search for text with a NUL answers 400", async () => {
    expectBadInput(await callRoute(search.GET, { url: "/api/console/search?q=ke%00ttle" }), "q");
  });

  it("NF-3 NUL over HTTP: blocking a buyer with a NUL in the reason answers 400 on the field", async () => {
    expectBadInput(await callRoute(blockedBuyers.POST, { url: "/api/console/blocked-buyers", body: { buyerId: shop.buyer.id, reason: `spam${NUL}` } }), "reason");
  });

  it("NF-3 NUL over /api/v1: a product name with a NUL answers 400 with the field", async () => {
    expectBadInput(await v1(v1Products.POST, { url: "/api/v1/products", body: { ...API_V1_EXAMPLES.product, name: `Oolong${NUL}` } }), "name");
  });

  it("NF-3 NUL over /api/v1: an order's carrier and an event note with a NUL answer 400", async () => {
    expectBadInput(await v1(v1Orders.POST, { url: "/api/v1/orders", body: { ...API_V1_EXAMPLES.order, carrier: `J&T${NUL}` } }), "carrier");
    const events = await v1(v1OrderEvents.POST, { url: "/api/v1/orders/ORD-FUZZ-1/events", params: { externalId: "ORD-FUZZ-1" }, body: { ...API_V1_EXAMPLES.orderEvent, note: NUL } });
    expectBadInput(events, "note");
  });

  it("NF-3 NUL over the widget routes: POST /api/widget/session with a NUL in the shop key answers 400", async () => {
    // The widget's own schema takes any text here; PostgreSQL's refusal (22021) is mapped to BAD_INPUT.
    expectBadInput(await callRoute(widgetSession.POST, { url: "/api/widget/session", body: { publicKey: `pk${NUL}` } }));
  });

  it("NF-3 NUL over sockets: message:send with a NUL in the text is BAD_INPUT on both namespaces", async () => {
    const content = { kind: "text", body: `hello${NUL}there` };
    expectBadInputAck(await command(consoleSocket, "message:send", { conversationId: shop.conversationId, clientId: "nul-console-1", content }), "content.body");
    expectBadInputAck(await command(widgetSocket, "message:send", { clientId: "nul-widget-1", content }), "content.body");
  });

  it("NF-3 NUL over sockets: a block reason and a transfer nickname with a NUL are BAD_INPUT", async () => {
    expectBadInputAck(await command(consoleSocket, "buyer:block", { buyerId: shop.buyer.id, reason: `spam${NUL}` }), "reason");
    expectBadInputAck(await command(consoleSocket, "session:transfer", { scope: { sessionId: shop.sessionId }, targetNickname: `Fuzz${NUL}Agent` }), "targetNickname");
  });
});

describe("NF-3 issue 15: dates PostgreSQL cannot store answer 400 on /api/v1", () => {
  it.each([YEAR_ZERO, YEAR_TEN_THOUSAND])("NF-3 an order placed at %s answers 400", async (date) => {
    expectBadInput(await v1(v1Orders.POST, { url: "/api/v1/orders", body: { ...API_V1_EXAMPLES.order, placedAt: date } }), "placedAt");
  });

  it.each([YEAR_ZERO, YEAR_TEN_THOUSAND])("NF-3 an order event at %s answers 400 (in the order and on its own)", async (date) => {
    const inOrder = await v1(v1Orders.POST, { url: "/api/v1/orders", body: { ...API_V1_EXAMPLES.order, events: [{ status: "shipped", occurredAt: date }] } });
    expectBadInput(inOrder, "events.0.occurredAt");
    const alone = await v1(v1OrderEvents.POST, { url: "/api/v1/orders/ORD-FUZZ-1/events", params: { externalId: "ORD-FUZZ-1" }, body: { status: "delayed", occurredAt: date } });
    expectBadInput(alone, "occurredAt");
  });

  it.each([YEAR_ZERO, YEAR_TEN_THOUSAND])("NF-3 a voucher running to or from %s answers 400", async (date) => {
    expectBadInput(await v1(v1Vouchers.POST, { url: "/api/v1/vouchers", body: { ...API_V1_EXAMPLES.voucher, startsAt: date } }), "startsAt");
    expectBadInput(await v1(v1Vouchers.POST, { url: "/api/v1/vouchers", body: { ...API_V1_EXAMPLES.voucher, endsAt: date } }), "endsAt");
  });

  it("NF-3 the last storable instant, 9999-12-31T23:59:59Z, is still accepted", async () => {
    const response = await v1(v1Vouchers.POST, { url: "/api/v1/vouchers", body: { ...API_V1_EXAMPLES.voucher, endsAt: "9999-12-31T23:59:59Z" } });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
  });
});

describe("NF-3 issue 15: a history cursor that is not a valid date answers 400 (no RangeError)", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  it.each([
    ["1e300 ms", encodeCursor({ key: 1e300, id })],
    ["past JavaScript's last date", encodeCursor({ key: 8.64e15 + 1, id })],
    ["year 65000", encodeCursor({ key: 2e15, id })],
    ["before 1970", encodeCursor({ key: -1, id })],
    ["not base64 JSON", "%%%"],
  ])("NF-3 an invalid cursor (%s) on the History list answers 400 with a cursor field error", async (_label, cursor) => {
    expectBadInput(await callRoute(lists.GET, { url: `/api/console/lists?list=history&cursor=${encodeURIComponent(cursor)}` }), "cursor");
  });

  it("NF-3 a large sort key stays a valid cursor on the live lists (they are not dates)", async () => {
    const response = await callRoute(lists.GET, { url: `/api/console/lists?list=assigned&cursor=${encodeCursor({ key: 1e15 + 5, id })}` });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
  });
});

describe("NF-3 issue 15: sequence numbers above int4 are BAD_INPUT", () => {
  it("NF-3 afterSeq 2147483648 on conversation:sync is BAD_INPUT on both namespaces", async () => {
    expectBadInputAck(await command(consoleSocket, "conversation:sync", { conversationId: shop.conversationId, afterSeq: ABOVE_INT4 }), "afterSeq");
    expectBadInputAck(await command(widgetSocket, "conversation:sync", { afterSeq: ABOVE_INT4 }), "afterSeq");
  });

  it("NF-3 beforeSeq 2147483648 on conversation:history is BAD_INPUT on both namespaces", async () => {
    expectBadInputAck(await command(consoleSocket, "conversation:history", { conversationId: shop.conversationId, beforeSeq: ABOVE_INT4 }), "beforeSeq");
    expectBadInputAck(await command(widgetSocket, "conversation:history", { beforeSeq: ABOVE_INT4 }), "beforeSeq");
  });

  it("NF-3 seq 2147483648 on conversation:read is BAD_INPUT on both namespaces", async () => {
    expectBadInputAck(await command(consoleSocket, "conversation:read", { conversationId: shop.conversationId, seq: ABOVE_INT4 }), "seq");
    expectBadInputAck(await command(widgetSocket, "conversation:read", { seq: ABOVE_INT4 }), "seq");
  });

  it("NF-3 afterSeq=2147483648 on GET /api/v1/conversations/{id} answers 400", async () => {
    const response = await v1(v1Conversation.GET, { url: `/api/v1/conversations/${shop.conversationId}?afterSeq=${ABOVE_INT4}`, params: { conversationId: shop.conversationId } });
    expectBadInput(response, "afterSeq");
  });

  it("NF-3 the largest int4, 2147483647, is still a valid afterSeq (an empty page)", async () => {
    const reply = await command<{ messages: unknown[] }>(consoleSocket, "conversation:sync", { conversationId: shop.conversationId, afterSeq: ABOVE_INT4 - 1 });
    expect(reply.ok && reply.data.messages).toEqual([]);
  });
});
