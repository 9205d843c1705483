import { describe, expect, it } from "vitest";
import { serializeByKey } from "./serialize-by-key";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("serializeByKey (CHAT-3 ordering)", () => {
  it("CHAT-3 runs one key's tasks in arrival order, even when earlier ones are slower or fail", async () => {
    const order: string[] = [];
    const results = await Promise.allSettled([
      serializeByKey("a", async () => { await sleep(30); order.push("a1"); return 1; }),
      serializeByKey("a", async () => { order.push("a2"); throw new Error("boom"); }),
      serializeByKey("a", async () => { order.push("a3"); return 3; }),
      serializeByKey("b", async () => { order.push("b1"); return 4; }),
    ]);
    expect(order.filter((item) => item.startsWith("a"))).toEqual(["a1", "a2", "a3"]);
    expect(order.indexOf("b1")).toBeLessThan(order.indexOf("a1"));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
  });
});
