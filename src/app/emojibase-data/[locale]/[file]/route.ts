// The Emojibase data the emoji picker (frimousse) loads, served from our own origin:
//   GET /emojibase-data/{en|es}/{data|messages}.json
// Frimousse fetches from a public CDN by default; the browsers we serve (and our own machines)
// may not reach it, and a CDN request on every chat would tell a third party who is chatting.
// The files are imported from the `emojibase-data` package pinned in package-lock.json, so the
// build prerenders each one (force-static, four files, nothing else answers): no copy step that
// could be forgotten, and the data always matches the installed version. The ETag lets frimousse's
// once-per-session check (a HEAD request) keep the copy it stored instead of downloading again.
import { createHash } from "node:crypto";
import enData from "emojibase-data/en/data.json";
import enMessages from "emojibase-data/en/messages.json";
import esData from "emojibase-data/es/data.json";
import esMessages from "emojibase-data/es/messages.json";

export const dynamic = "force-static";
export const dynamicParams = false;

/** The picker's locales; EMOJI_LOCALES in components/emoji must match. */
const FILES: Record<string, Record<string, unknown>> = {
  en: { "data.json": enData, "messages.json": enMessages },
  es: { "data.json": esData, "messages.json": esMessages },
};

export function generateStaticParams(): Array<{ locale: string; file: string }> {
  return Object.entries(FILES).flatMap(([locale, files]) => Object.keys(files).map((file) => ({ locale, file })));
}

export async function GET(_request: Request, context: { params: Promise<{ locale: string; file: string }> }): Promise<Response> {
  const { locale, file } = await context.params;
  const body = FILES[locale]?.[file];
  if (body === undefined) return new Response("Not found", { status: 404 });
  const json = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
  return new Response(json, { headers: { "content-type": "application/json", etag } });
}
