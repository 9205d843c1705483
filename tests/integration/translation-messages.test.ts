// SET-3, issue 13 items 3 and 4: translation in the message path, on real sockets, real
// PostgreSQL and a real Apertium APY server (tests/support/apertium-server.ts). A message is stored,
// acknowledged and delivered as before; its translation follows as message.translated and is
// stored per (message, language); an engine that fails or hangs never delays delivery, the
// failure is stored, and a retry translates once the engine is back.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBuyer, createMember, createShop } from "../factories";
import { startApertium, type ApertiumServer } from "../support/apertium-server";
import { startLibreTranslate, type LibreTranslateServer } from "../support/libretranslate-server";
import { command, connectConsole, connectWidget, memberCookie, startRealtimeNode, trackRealtime, waitFor, widgetToken } from "../support/realtime-node";
import { useTestDatabase } from "../support/test-database";
import { contextOf } from "./console-lists-support";
import { searchChats } from "../../src/server/services/console-lists/search-chats";
import { getShopTranslationSettings, updateShopTranslationSettings } from "../../src/server/services/translation/translation-settings";
import { readConversationDetails } from "../../src/server/services/conversations/read-conversation-details";
import { createApertiumEngine } from "../../src/server/translation/apertium-engine";
import { createLibreTranslateEngine } from "../../src/server/translation/libretranslate-engine";
import { DEFAULT_RESILIENCE, withResilience } from "../../src/server/translation/resilient-engine";
import { createTranslator } from "../../src/server/translation/translator";
import { registerTranslator, type Translator } from "../../src/server/translation/translator-registry";
import type { TranslationEngine } from "../../src/server/translation/engine";
import type { MessageDto, MessageTranslationDto } from "../../src/shared/dto";
import type { MessagePage } from "../../src/shared/commands";

const { db, reset } = await useTestDatabase();
const { nodes, sockets } = trackRealtime();

const SPANISH = "¿Dónde está mi pedido? Lo compré hace una semana";
const ENGLISH_REPLY = "Your order ships tomorrow morning";

/**
 * The engine as the translator sees it, in front of the real Apertium: "up" forwards, "down"
 * answers 503, "hang" holds every request until released (a slow engine).
 */
interface EngineFront {
  url: string;
  mode: "up" | "down" | "hang";
  held: number;
  release(): void;
  stop(): Promise<void>;
}

async function startEngineFront(target: string): Promise<EngineFront> {
  let waiting: Array<() => void> = [];
  const front: EngineFront = {
    url: "",
    mode: "up",
    held: 0,
    release() {
      front.mode = "up";
      const pending = waiting;
      waiting = [];
      pending.forEach((resume) => resume());
    },
    stop: async () => undefined,
  };
  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (front.mode === "hang") {
      front.held += 1;
      await new Promise<void>((resume) => waiting.push(resume));
      front.held -= 1;
    }
    if (front.mode === "down") {
      response.writeHead(503).end();
      return;
    }
    const answer = await fetch(new URL(request.url ?? "/", target), {
      method: request.method,
      body: request.method === "POST" ? Buffer.concat(chunks) : undefined,
      headers: request.headers["content-type"] ? { "content-type": request.headers["content-type"] } : {},
    });
    response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((request, response) => void forward(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  front.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  front.stop = () => new Promise<void>((resolve) => {
    front.release();
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return front;
}

let apertium: ApertiumServer;
let front: EngineFront;
let translator: Translator | undefined;

beforeAll(async () => {
  apertium = await startApertium();
  front = await startEngineFront(apertium.url);
}, 60_000);
afterAll(async () => {
  await front?.stop();
  await apertium?.stop();
});
beforeEach(async () => {
  await reset();
  front.mode = "up";
});
afterEach(async () => {
  front.release();
  await translator?.idle();
  registerTranslator(undefined);
  translator = undefined;
});

/** The translator of a node whose engine is `engine`: no retries and no breaker to wait out in tests. */
function useTranslator(engine: TranslationEngine): Translator {
  const resilient = withResilience(engine, { ...DEFAULT_RESILIENCE, retry: { retries: 0, baseMs: 1, maxMs: 1 }, breaker: { failureThreshold: 1_000, openMs: 1 } });
  translator = createTranslator(db, resilient, { concurrency: 2, maxPending: 100, log: () => undefined });
  registerTranslator(translator);
  return translator;
}

/** Everything a socket heard, in order. */
function record(socket: Socket) {
  const heard: Array<{ event: string; payload: { message?: MessageDto; translation?: MessageTranslationDto } }> = [];
  socket.onAny((event: string, payload) => heard.push({ event, payload }));
  return {
    heard,
    translations: () => heard.filter((item) => item.event === "message.translated").map((item) => item.payload.translation!),
  };
}

/** Resolves with the first message.translated for `messageId`. */
function translationOf(socket: Socket, messageId: string): Promise<MessageTranslationDto> {
  return new Promise((resolve) => {
    const onTranslated = (event: { translation: MessageTranslationDto }) => {
      if (event.translation.messageId !== messageId) return;
      socket.off("message.translated", onTranslated);
      resolve(event.translation);
    };
    socket.on("message.translated", onTranslated);
  });
}

async function chat(options: { mode?: "auto" | "off" } = {}) {
  const shop = await createShop(db);
  const owner = await createMember(db, { shopId: shop.id, role: "owner", nickname: "Ana" });
  const buyer = await createBuyer(db, { shopId: shop.id, nickname: "Lucia" });
  const actor = await contextOf(db, owner);
  if (options.mode !== "off") await updateShopTranslationSettings(db, { actor, setting: { mode: "auto" } });
  const node = await startRealtimeNode(db);
  nodes.push(node);
  const agent = connectConsole(node.url, await memberCookie(owner));
  const widget = connectWidget(node.url, widgetToken(buyer));
  sockets.push(agent, widget);
  await Promise.all([waitFor(agent, "console.ready"), waitFor(widget, "widget.ready")]);
  return { shop, owner, buyer, actor, agent, widget };
}

async function buyerWrites(widget: Socket, body: string): Promise<MessageDto> {
  const ack = await command<MessageDto>(widget, "message:send", { clientId: `c${crypto.randomUUID().slice(0, 12)}`, content: { kind: "text", body } });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

describe("SET-3 translation in the message path (real Apertium)", () => {
  it("SET-3 a Spanish buyer message is stored and delivered at once; its English translation follows as message.translated and is stored", async () => {
    useTranslator(createApertiumEngine(front.url));
    const { agent, widget } = await chat();
    const agentHeard = record(agent);
    const widgetHeard = record(widget);
    const created = waitFor(agent, "message.created");

    const message = await buyerWrites(widget, SPANISH);
    expect(message.body).toBe(SPANISH);
    await created;
    const translation = await translationOf(agent, message.id);

    expect(translation).toMatchObject({ messageId: message.id, seq: message.seq, from: "es", language: "en", status: "done", engine: "apertium", failure: null });
    expect(translation.text).toMatch(/request/i);
    // The message was delivered before its translation, unchanged.
    const order = agentHeard.heard.filter((item) => item.payload.message?.id === message.id || item.payload.translation?.messageId === message.id).map((item) => item.event);
    expect(order).toEqual(["message.created", "message.translated"]);
    const stored = await db.message.findUniqueOrThrow({ where: { id: message.id }, include: { translations: true } });
    expect(stored.body).toBe(SPANISH);
    expect(stored.translations).toEqual([expect.objectContaining({ language: "en", fromLanguage: "es", status: "done", text: translation.text })]);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } })).language).toBe("es");

    // A reload gets the translation with the page; the buyer never gets their own message's.
    const page = await command<MessagePage>(agent, "conversation:sync", { conversationId: message.conversationId, afterSeq: 0 });
    expect(page.ok && page.data.translations.map((item) => item.messageId)).toContain(message.id);
    await translator!.idle();
    const buyerPage = await command<MessagePage>(widget, "conversation:sync", { afterSeq: 0 });
    expect(buyerPage.ok && buyerPage.data.translations.map((item) => item.messageId)).not.toContain(message.id);
    expect(widgetHeard.translations().map((item) => item.messageId)).not.toContain(message.id);
  });

  it("SET-3 an English agent reply reaches the buyer, then its Spanish translation; the greeting (a bot message) is translated too", async () => {
    useTranslator(createApertiumEngine(front.url));
    const { agent, widget } = await chat();
    const widgetHeard = record(widget);
    // The buyer's widget hears no translation of their own message: its first is the greeting's.
    const firstTranslation = waitFor(widget, "message.translated") as Promise<{ translation: MessageTranslationDto }>;
    // ASSIGN-1: the only member online takes the new chat; then they may reply.
    const assigned = new Promise<void>((resolve) => agent.on("session.changed", (event: { change: string }) => event.change === "assigned" && resolve()));
    const first = await buyerWrites(widget, SPANISH);
    await assigned;
    // AUTO-1's greeting followed the first message; it went out in English and was translated.
    const { translation: greetingTranslation } = await firstTranslation;
    const greeting = widgetHeard.heard.find((item) => item.event === "message.created" && item.payload.message?.authorType === "bot")?.payload.message;
    expect(greeting).toBeDefined();
    expect(greetingTranslation).toMatchObject({ messageId: greeting!.id, from: "en", language: "es", status: "done" });

    const created = waitFor(widget, "message.created") as Promise<{ message: MessageDto }>;
    const ack = await command<MessageDto>(agent, "message:send", { conversationId: first.conversationId, clientId: "reply-0001", content: { kind: "text", body: ENGLISH_REPLY } });
    expect(ack).toMatchObject({ ok: true });
    const reply = (await created).message;
    expect(reply.body).toBe(ENGLISH_REPLY);
    const translation = await translationOf(widget, reply.id);
    expect(translation).toMatchObject({ from: "en", language: "es", status: "done" });
    expect(translation.text).toMatch(/mañana/i);

    const buyerPage = await command<MessagePage>(widget, "conversation:sync", { afterSeq: 0 });
    expect(buyerPage.ok && buyerPage.data.translations.find((item) => item.messageId === reply.id)?.text).toBe(translation.text);
  });

  it("SET-3 a slow engine never delays delivery: the message is acknowledged and delivered while the engine still holds its translation", async () => {
    useTranslator(createApertiumEngine(front.url));
    const { agent, widget } = await chat();
    const agentHeard = record(agent);
    front.mode = "hang";
    const created = waitFor(agent, "message.created");
    const message = await buyerWrites(widget, SPANISH);
    await created;
    // The engine has the request and has not answered; delivery is done already.
    await expect.poll(() => front.held, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(agentHeard.translations()).toEqual([]);
    const translated = translationOf(agent, message.id);
    front.release();
    expect((await translated).status).toBe("done");
  });

  it("SET-3 engine down: the original stands, the failure is stored and shown; a retry translates once the engine is back", async () => {
    useTranslator(createApertiumEngine(front.url));
    const { agent, widget } = await chat();
    front.mode = "down";
    const message = await buyerWrites(widget, SPANISH);
    const failed = await translationOf(agent, message.id);
    expect(failed).toMatchObject({ status: "failed", text: null, failure: "unavailable", language: "en" });
    expect(await db.messageTranslation.findUniqueOrThrow({ where: { messageId_language: { messageId: message.id, language: "en" } } })).toMatchObject({ status: "failed", failure: "unavailable" });
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe(SPANISH);

    front.mode = "up";
    const retried = translationOf(agent, message.id);
    const ack = await command<{ queued: boolean }>(agent, "translation:retry", { messageId: message.id });
    expect(ack).toEqual({ ok: true, data: { queued: true } });
    expect(await retried).toMatchObject({ status: "done", failure: null, language: "en" });
    expect(await db.messageTranslation.count({ where: { messageId: message.id } })).toBe(1);

    // Another shop's member cannot retry it (NOT_FOUND), nor can an unknown id.
    expect(await command(agent, "translation:retry", { messageId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("SET-3 with no engine configured nothing changes: no translation, no event, settings say off", async () => {
    const { agent, widget, actor } = await chat();
    const message = await buyerWrites(widget, SPANISH);
    const page = await command<MessagePage>(agent, "conversation:sync", { conversationId: message.conversationId, afterSeq: 0 });
    expect(page.ok && page.data.messages.map((item) => item.body)).toContain(SPANISH);
    expect(page.ok && page.data.translations).toEqual([]);
    expect(await db.messageTranslation.count()).toBe(0);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } })).language).toBeNull();
    expect(await getShopTranslationSettings(db, { actor })).toMatchObject({ engine: null, setting: { mode: "auto" }, pairs: [] });
    expect((await readConversationDetails(db, { member: actor, conversationId: message.conversationId })).translation).toEqual({ available: false, override: "shop", on: false, buyerLanguage: null });
  });

  it("SET-3 the chat menu's override: off stops translating this chat, a chosen language is used without detection", async () => {
    const active = useTranslator(createApertiumEngine(front.url));
    const { agent, widget } = await chat();
    const first = await buyerWrites(widget, SPANISH);
    await active.idle();
    const off = await command(agent, "conversation:set_translation", { conversationId: first.conversationId, mode: "off" });
    expect(off).toEqual({ ok: true, data: { available: true, override: "off", on: false, buyerLanguage: "es" } });
    const second = await buyerWrites(widget, "Necesito cambiar la dirección de entrega");
    await active.idle();
    expect(await db.messageTranslation.count({ where: { messageId: second.id } })).toBe(0);

    const chosen = await command(agent, "conversation:set_translation", { conversationId: first.conversationId, mode: "language", language: "es" });
    expect(chosen).toEqual({ ok: true, data: { available: true, override: "language", on: true, buyerLanguage: "es" } });
    // A buyer line detection would read as English stays Spanish for the chat.
    expect(await command(agent, "conversation:set_translation", { conversationId: first.conversationId, mode: "language" })).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(await command(agent, "conversation:set_translation", { conversationId: crypto.randomUUID(), mode: "off" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("SET-3 search finds a conversation by a word that is only in a message's translation", async () => {
    useTranslator(createApertiumEngine(front.url));
    const { widget, actor } = await chat();
    const message = await buyerWrites(widget, SPANISH);
    await translator!.idle();
    const translated = await db.messageTranslation.findUniqueOrThrow({ where: { messageId_language: { messageId: message.id, language: "en" } } });
    expect(translated.text).toMatch(/request/i);
    expect(SPANISH).not.toMatch(/request/i);
    const results = await searchChats(db, { member: actor, q: "request" });
    expect(results.results.map((result) => result.conversationId)).toEqual([message.conversationId]);
    expect(results.results[0]!.matchedField).toBe("message");
    // The original still matches in its own language.
    expect((await searchChats(db, { member: actor, q: "pedido" })).results.map((result) => result.conversationId)).toEqual([message.conversationId]);
  });

  it("SET-3 settings: owners and admins choose the shop's default; agents read it and cannot change it", async () => {
    useTranslator(createApertiumEngine(front.url));
    const shop = await createShop(db);
    const owner = await contextOf(db, await createMember(db, { shopId: shop.id, role: "owner" }));
    const agent = await contextOf(db, await createMember(db, { shopId: shop.id, role: "agent" }));
    const saved = await updateShopTranslationSettings(db, { actor: owner, setting: { mode: "pair", buyerLanguage: "es", agentLanguage: "en" } });
    expect(saved.engine).toBe("apertium");
    expect(saved.setting).toEqual({ mode: "pair", buyerLanguage: "es", agentLanguage: "en" });
    expect(saved.pairs).toContainEqual({ from: "es", to: "en" });
    expect((await getShopTranslationSettings(db, { actor: agent })).setting.mode).toBe("pair");
    await expect(updateShopTranslationSettings(db, { actor: agent, setting: { mode: "off" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateShopTranslationSettings(db, { actor: owner, setting: { mode: "pair", buyerLanguage: "es", agentLanguage: "es" } })).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("SET-3 the LibreTranslate adapter in the message path", () => {
  let libre: LibreTranslateServer;
  beforeAll(async () => {
    libre = await startLibreTranslate(apertium.url, "test-key");
  });
  afterAll(async () => libre?.stop());

  it("SET-3 a Spanish buyer message is translated through a LibreTranslate-compatible server", async () => {
    useTranslator(createLibreTranslateEngine(libre.url, "test-key"));
    const { agent, widget } = await chat();
    const message = await buyerWrites(widget, SPANISH);
    const translation = await translationOf(agent, message.id);
    expect(translation).toMatchObject({ from: "es", language: "en", status: "done", engine: "libretranslate" });
    expect(translation.text).toMatch(/request/i);
  });
});
