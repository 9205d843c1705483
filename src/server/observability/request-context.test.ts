import { describe, expect, it } from "vitest";
import { currentRequestContext, noteRequestShop, requestIdFor, runWithRequestContext } from "@/server/observability/request-context";
import { installTimingSink, recordTiming, timed } from "@/server/observability/timings";

describe("request ids and context (OPS-4)", () => {
  it("OPS-4 a sane incoming request id is kept; anything else is replaced by a random UUID", () => {
    expect(requestIdFor("abc-123.x:y_z")).toBe("abc-123.x:y_z");
    expect(requestIdFor(["first", "second"])).toBe("first");
    for (const hostile of [undefined, "", "a b", "<script>", "x".repeat(129), "line\nbreak"]) expect(requestIdFor(hostile)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("OPS-4 the shop noted inside a request belongs to that request only", async () => {
    const seen = await runWithRequestContext({ reqId: "r1" }, async () => {
      await Promise.resolve();
      noteRequestShop("shop-1");
      return currentRequestContext();
    });
    expect(seen).toEqual({ reqId: "r1", shopId: "shop-1" });
    noteRequestShop("outside"); // no request: nothing to note
    expect(currentRequestContext()).toBeUndefined();
  });
});

describe("timings (OPS-3)", () => {
  it("OPS-3 timed() reports the duration of work that resolves and of work that throws", async () => {
    const seen: Array<[string, number, Record<string, string> | undefined]> = [];
    installTimingSink({ observe: (name, seconds, labels) => seen.push([name, seconds, labels]) });
    try {
      expect(await timed("message_ingest", { namespace: "widget" }, async () => 7)).toBe(7);
      await expect(timed("message_ingest", { namespace: "console" }, async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
      recordTiming("assignment_wait", -1); // a clock step backwards is dropped, not observed
      expect(seen.map(([name, , labels]) => [name, labels?.namespace])).toEqual([["message_ingest", "widget"], ["message_ingest", "console"]]);
      expect(seen.every(([, seconds]) => seconds >= 0)).toBe(true);
    } finally {
      installTimingSink(undefined);
    }
  });
});
