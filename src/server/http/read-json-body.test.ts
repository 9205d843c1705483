// Issue 15 (NF-3): the bounded JSON reader stops reading the moment a body passes its limit
// (the rest of an endless stream is never pulled) and refuses a non-JSON type when asked to.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isAppError } from "@/core/errors";
import { readJsonBody } from "@/server/http/read-json-body";

const schema = z.object({ name: z.string() });

/** A body that never ends, counting how many chunks were pulled from it. */
function endless(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulls = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return {
    body: new ReadableStream<Uint8Array>({ pull: (controller) => void (pulls += 1, controller.enqueue(chunk)) }, { highWaterMark: 0 }),
    pulled: () => pulls,
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return isAppError(error) ? error.code : "THROWN";
  }
}

describe("readJsonBody (NF-3)", () => {
  it("NF-3: a chunked JSON body over the limit is 413 without reading it all", async () => {
    const { body, pulled } = endless();
    const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
    expect(await codeOf(readJsonBody(request, schema, { maxBytes: 256 * 1024 }))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBeLessThanOrEqual(8);
  });

  it("NF-3: a Content-Length over the limit is 413 before anything is read", async () => {
    const { body, pulled } = endless();
    const request = new Request("http://localhost/x", { method: "POST", body, duplex: "half", headers: { "content-length": "999999999" } } as RequestInit);
    expect(await codeOf(readJsonBody(request, schema, { maxBytes: 1024 }))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled()).toBe(0);
  });

  it.each([
    ["text/plain", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/x-www-form-urlencoded", "UNSUPPORTED_MEDIA_TYPE"],
    ["multipart/form-data; boundary=x", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/json", "OK"],
    ["Application/JSON; charset=utf-8", "OK"],
  ])("issue 15 CSRF: Content-Type %s on a member route → %s", async (type, code) => {
    const request = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ name: "a" }), headers: { "content-type": type } });
    expect(await codeOf(readJsonBody(request, schema, { requireJsonType: true }))).toBe(code);
  });

  it("bad JSON and schema failures are 400", async () => {
    const bad = new Request("http://localhost/x", { method: "POST", body: "{oops" });
    expect(await codeOf(readJsonBody(bad, schema))).toBe("BAD_INPUT");
    const wrong = new Request("http://localhost/x", { method: "POST", body: JSON.stringify({ name: 1 }) });
    expect(await codeOf(readJsonBody(wrong, schema))).toBe("BAD_INPUT");
  });
});
