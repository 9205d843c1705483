// A small LibreTranslate-compatible HTTP server for the tests (issue 13 item 4): POST /translate
// and GET /languages as LibreTranslate answers them, with an API key, translating through a real
// Apertium APY server, so the LibreTranslate adapter is exercised with real translations.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const THREE_LETTER: Record<string, string> = { en: "eng", es: "spa" };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface LibreTranslateServer {
  url: string;
  requests: number;
  stop(): Promise<void>;
}

export async function startLibreTranslate(apertiumUrl: string, apiKey: string): Promise<LibreTranslateServer> {
  const state = { requests: 0 };
  const server: Server = createServer(async (request, response) => {
    state.requests += 1;
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "GET" && request.url === "/languages") {
      return reply(200, [
        { code: "en", name: "English", targets: ["es"] },
        { code: "es", name: "Spanish", targets: ["en"] },
      ]);
    }
    if (request.method !== "POST" || request.url !== "/translate") return reply(404, { error: "Not found" });
    const body = JSON.parse(await readBody(request)) as { q: string | string[]; source: string; target: string; format?: string; api_key?: string };
    if (body.api_key !== apiKey) return reply(403, { error: "Invalid API key" });
    const source = THREE_LETTER[body.source];
    const target = THREE_LETTER[body.target];
    if (!source || !target) return reply(400, { error: `${body.source} to ${body.target} is not supported` });
    const texts = Array.isArray(body.q) ? body.q : [body.q];
    const translated = await Promise.all(
      texts.map(async (text) => {
        const form = new URLSearchParams({ langpair: `${source}|${target}`, q: text, markUnknown: "no" });
        const answer = (await (await fetch(`${apertiumUrl}/translate`, { method: "POST", body: form })).json()) as { responseData: { translatedText: string } };
        return answer.responseData.translatedText;
      }),
    );
    return reply(200, { translatedText: Array.isArray(body.q) ? translated : translated[0] });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    set requests(value: number) {
      state.requests = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
