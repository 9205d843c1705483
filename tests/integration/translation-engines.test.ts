// SET-3, issue 13 items 1 and 4: both engine adapters against real translation. Apertium APY runs
// as a real server on a free port; the LibreTranslate adapter talks to a LibreTranslate-compatible
// server that translates through the same Apertium. The resilience layer (timeout, retries,
// circuit breaker, cache) is tested against real HTTP servers that fail on purpose.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../src/server/db/free-port";
import { createApertiumEngine } from "../../src/server/translation/apertium-engine";
import { TranslationError } from "../../src/server/translation/engine";
import { createLibreTranslateEngine } from "../../src/server/translation/libretranslate-engine";
import { withResilience, type ResilienceOptions } from "../../src/server/translation/resilient-engine";
import { createTranslationEngine } from "../../src/server/translation/translation-engine";
import { startApertium, type ApertiumServer } from "../support/apertium-server";
import { startLibreTranslate, type LibreTranslateServer } from "../support/libretranslate-server";

const API_KEY = "lt-test-key";
let apertium: ApertiumServer;
let libre: LibreTranslateServer;

beforeAll(async () => {
  apertium = await startApertium();
  libre = await startLibreTranslate(apertium.url, API_KEY);
}, 60_000);
afterAll(async () => {
  await libre?.stop();
  await apertium?.stop();
});

async function failure(promise: Promise<unknown>): Promise<TranslationError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TranslationError);
  return error as TranslationError;
}

describe("SET-3 the Apertium engine", () => {
  it("SET-3 translates Spanish to English and English to Spanish, one result per text, in order", async () => {
    const engine = createApertiumEngine(apertium.url);
    const english = await engine.translate(["¿Dónde está mi pedido?", "Gracias", "  "], "es", "en");
    expect(english).toHaveLength(3);
    expect(english[0]).toMatch(/where/i);
    expect(english[1]).toMatch(/thank/i);
    expect(english[2]).toBe("  ");
    const [spanish] = await engine.translate(["Your order has shipped."], "en", "es");
    expect(spanish).toMatch(/orden|pedido/i);
  });

  it("SET-3 lists its pairs in ISO 639-1, variants folded", async () => {
    const pairs = await createApertiumEngine(apertium.url).languages();
    expect(pairs).toEqual(expect.arrayContaining([{ from: "en", to: "es" }, { from: "es", to: "en" }]));
    expect(pairs.every((pair) => /^[a-z]{2}$/.test(pair.from) && /^[a-z]{2}$/.test(pair.to))).toBe(true);
  });

  it("SET-3 a pair it does not translate is unsupported_pair, not a failure of the engine", async () => {
    const engine = createApertiumEngine(apertium.url);
    expect((await failure(engine.translate(["hello"], "en", "fr"))).failure).toBe("unsupported_pair");
    expect((await failure(engine.translate(["hello"], "en", "xx"))).failure).toBe("unsupported_pair");
  });
});

describe("SET-3 the LibreTranslate engine", () => {
  it("SET-3 translates a batch in one request with the API key", async () => {
    const engine = createLibreTranslateEngine(libre.url, API_KEY);
    const before = libre.requests;
    const translated = await engine.translate(["¿Dónde está mi pedido?", "Muchas gracias"], "es", "en");
    expect(libre.requests - before).toBe(1);
    expect(translated[0]).toMatch(/where/i);
    expect(translated[1]).toMatch(/thank/i);
    expect(await engine.languages()).toEqual([{ from: "en", to: "es" }, { from: "es", to: "en" }]);
  });

  it("SET-3 a wrong API key and an unknown pair are told apart", async () => {
    expect((await failure(createLibreTranslateEngine(libre.url, "wrong").translate(["hola"], "es", "en"))).failure).toBe("unavailable");
    expect((await failure(createLibreTranslateEngine(libre.url, API_KEY).translate(["hola"], "es", "de"))).failure).toBe("unsupported_pair");
  });
});

describe("SET-3 configuration", () => {
  it("SET-3 no engine configured means translation is off", () => {
    expect(createTranslationEngine({ TRANSLATION_ENGINE: undefined, TRANSLATION_URL: undefined, TRANSLATION_API_KEY: undefined, TRANSLATION_TIMEOUT_MS: 5_000 })).toBeNull();
  });

  it("SET-3 the configured engine translates through the resilience layer", async () => {
    const engine = createTranslationEngine({ TRANSLATION_ENGINE: "apertium", TRANSLATION_URL: apertium.url, TRANSLATION_API_KEY: undefined, TRANSLATION_TIMEOUT_MS: 5_000 });
    expect(engine?.name).toBe("apertium");
    expect((await engine!.translate(["Hola"], "es", "en"))[0]).toMatch(/hello|hi/i);
  });
});

/** A real HTTP server that behaves as told: answers 503, never answers, or translates by upper-casing. */
async function startMisbehavingEngine() {
  const state = { mode: "ok" as "ok" | "fail" | "hang", calls: 0 };
  const server: Server = createServer((request, response) => {
    state.calls += 1;
    if (state.mode === "hang") return; // never answers; the client's timeout ends it
    if (state.mode === "fail") {
      response.writeHead(503).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { q: string[] };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ translatedText: body.q.map((text) => text.toUpperCase()) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    state,
    engine: createLibreTranslateEngine(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const fast: ResilienceOptions = {
  timeoutMs: 300,
  retry: { retries: 2, baseMs: 10, maxMs: 20 },
  breaker: { failureThreshold: 3, openMs: 60_000 },
  cacheEntries: 100,
  languagesTtlMs: 60_000,
};

describe("SET-3 resilience: timeout, retries, circuit breaker, cache", () => {
  it("SET-3 a translation is asked of the engine once per (text, from, to)", async () => {
    const fake = await startMisbehavingEngine();
    try {
      const engine = withResilience(fake.engine, fast);
      expect(await engine.translate(["hola", "adiós", "hola"], "es", "en")).toEqual(["HOLA", "ADIÓS", "HOLA"]);
      expect(await engine.translate(["adiós"], "es", "en")).toEqual(["ADIÓS"]);
      expect(fake.state.calls).toBe(1);
      await engine.translate(["adiós"], "es", "id");
      expect(fake.state.calls).toBe(2);
      expect(await engine.translate(["same"], "en", "en")).toEqual(["same"]);
      expect(fake.state.calls).toBe(2);
    } finally {
      await fake.stop();
    }
  });

  it("SET-3 a failing engine is retried, then the circuit opens and the engine is no longer asked", async () => {
    const fake = await startMisbehavingEngine();
    try {
      fake.state.mode = "fail";
      const engine = withResilience(fake.engine, fast);
      expect((await failure(engine.translate(["uno"], "es", "en"))).failure).toBe("unavailable");
      expect(fake.state.calls).toBe(3); // one try and two retries; the third failure opens the circuit
      expect(engine.circuit()).toBe("open");
      expect((await failure(engine.translate(["dos"], "es", "en"))).failure).toBe("circuit_open");
      expect(fake.state.calls).toBe(3);
    } finally {
      await fake.stop();
    }
  });

  it("SET-3 an engine that never answers fails within the timeout, and a half-open trial that succeeds closes the circuit", async () => {
    const fake = await startMisbehavingEngine();
    let clock = 0;
    try {
      fake.state.mode = "hang";
      const engine = withResilience(fake.engine, { ...fast, retry: { retries: 0, baseMs: 1, maxMs: 1 }, breaker: { failureThreshold: 1, openMs: 1_000 }, now: () => clock });
      const started = Date.now();
      const timedOut = await failure(engine.translate(["tres"], "es", "en"));
      expect(timedOut.failure).toBe("unavailable");
      expect(timedOut.message).toMatch(/within 300 ms/);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(engine.circuit()).toBe("open");
      clock = 1_000;
      fake.state.mode = "ok";
      expect(await engine.translate(["cuatro"], "es", "en")).toEqual(["CUATRO"]);
      expect(engine.circuit()).toBe("closed");
    } finally {
      await fake.stop();
    }
  });

  it("SET-3 an engine nobody listens on is unavailable", async () => {
    const port = await findFreePort();
    const engine = withResilience(createApertiumEngine(`http://127.0.0.1:${port}`), { ...fast, retry: { retries: 1, baseMs: 1, maxMs: 1 } });
    expect((await failure(engine.translate(["hola"], "es", "en"))).failure).toBe("unavailable");
  });
});
