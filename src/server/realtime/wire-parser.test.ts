// Issue 9 item 6: the decoder turns oversized and binary commands into a WireViolation that the
// binder answers, drops attachments as they arrive, and still refuses malformed packets.
import { describe, expect, it } from "vitest";
import { WireDecoder, WireViolation } from "@/server/realtime/wire-parser";
import { MAX_COMMAND_BYTES } from "@/shared/commands";

function decodeAll(chunks: unknown[]) {
  const decoder = new WireDecoder();
  const packets: { type: number; nsp: string; id?: number; data?: unknown[] }[] = [];
  decoder.on("decoded", (packet) => packets.push(packet as (typeof packets)[number]));
  for (const chunk of chunks) decoder.add(chunk);
  return packets;
}

describe("WireDecoder (issue 9)", () => {
  it("issue 9: a plain command within the limit decodes as the stock parser does", () => {
    expect(decodeAll(['2/console,7["presence:ping",{}]'])).toEqual([{ type: 2, nsp: "/console", id: 7, data: ["presence:ping", {}] }]);
  });

  it("issue 9: a command over the limit keeps its name and id, its payload becomes a WireViolation", () => {
    const body = "é".repeat(MAX_COMMAND_BYTES / 2); // two bytes each: over the limit in bytes, not in characters
    const [packet] = decodeAll([`2/widget,3["message:send",{"body":"${body}"}]`]);
    expect(packet).toMatchObject({ type: 2, nsp: "/widget", id: 3 });
    expect(packet!.data![0]).toBe("message:send");
    expect(packet!.data![1]).toBeInstanceOf(WireViolation);
  });

  it("issue 9: a binary command is delivered once its attachments are dropped, whatever their number", () => {
    const header = '512-/widget,4["message:send",{"files":[' + Array.from({ length: 12 }, (_, num) => `{"_placeholder":true,"num":${num}}`).join(",") + "]}]";
    const decoder = new WireDecoder();
    const packets: { data?: unknown[] }[] = [];
    decoder.on("decoded", (packet) => packets.push(packet as { data?: unknown[] }));
    decoder.add(header);
    for (let index = 0; index < 11; index++) decoder.add(Buffer.alloc(8));
    expect(packets).toHaveLength(0);
    decoder.add(new Uint8Array(8).buffer);
    expect(packets).toHaveLength(1);
    expect(packets[0]!.data![1]).toBeInstanceOf(WireViolation);
    // The decoder is ready for the next packet.
    decoder.add('2/widget,5["presence:ping"]');
    expect(packets[1]).toMatchObject({ id: 5, data: ["presence:ping"] });
  });

  it("issue 9: malformed packets are still refused (the connection closes, as the protocol requires)", () => {
    expect(() => decodeAll(["5x-/widget,1[]"])).toThrow();
    expect(() => decodeAll(["50-/widget,1[\"a\"]"])).toThrow("Illegal attachments");
    expect(() => decodeAll([Buffer.alloc(1)])).toThrow("got binary data when not reconstructing a packet");
    expect(() => decodeAll(['51-/widget,1["a",{"_placeholder":true,"num":0}]', '2/widget,2["b"]'])).toThrow("got plaintext data when reconstructing a packet");
    expect(() => decodeAll(["2/widget,1not json"])).toThrow();
    expect(() => decodeAll([42])).toThrow();
  });
});
