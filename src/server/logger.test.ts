import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/logger";

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString("utf8");
      callback();
    },
  });
  return { stream, text: () => text };
}

describe("logger (OPS-4)", () => {
  it("OPS-4 writes one JSON object a line with the child's fields, and redacts credentials", () => {
    const out = capture();
    const log = createLogger("info", { format: "json", destination: out.stream }).child({ reqId: "r-1" });
    log.debug("hidden below the level");
    log.info("request", { status: 200, headers: { cookie: "SECRET-COOKIE", authorization: "Bearer SECRET" }, password: "SECRET-PASSWORD" });
    log.error("failed", new Error("boom"));
    const lines = out.text().trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: "request", reqId: "r-1", status: 200, headers: { cookie: "[redacted]", authorization: "[redacted]" }, password: "[redacted]" });
    expect(lines[1]).toMatchObject({ level: 50, msg: "failed", reqId: "r-1", err: { message: "boom" } });
    expect(out.text()).not.toContain("SECRET");
  });

  it("OPS-4 the pretty format prints one readable line per record", () => {
    const out = capture();
    createLogger("info", { format: "pretty", destination: out.stream }).info("Counterpart stopped");
    expect(out.text()).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO Counterpart stopped\n$/);
  });
});
