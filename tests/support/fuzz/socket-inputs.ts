// Socket payloads around each declared command's zod input, plus what no client should send:
// no payload, a non-object, several arguments, binary, and event names nobody declared.
import fc from "fast-check";
import type { z } from "zod";
import { aroundSchema, type FuzzPools } from "./around-schema";
import { hostileString, hostileValue } from "./hostile";

/** Names socket.io-client refuses to emit: sending them throws in the client, not the server. */
const RESERVED_EVENTS = new Set(["connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"]);

export interface SocketCall {
  event: string;
  /** Arguments before the acknowledgement callback. */
  args: unknown[];
  /** false: sent without an acknowledgement callback (the server must not crash or answer). */
  withAck: boolean;
}

export function callsFor(event: string, input: z.ZodType, pools: FuzzPools): fc.Arbitrary<SocketCall> {
  const payload = aroundSchema(input, pools);
  const args: fc.Arbitrary<unknown[]> = fc.oneof(
    { weight: 8, arbitrary: payload.map((value): unknown[] => [value]) },
    { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
    { weight: 1, arbitrary: fc.tuple(payload, hostileValue).map((pair): unknown[] => [...pair]) },
    { weight: 1, arbitrary: fc.constantFrom<unknown[]>([Buffer.from([0, 1, 2])], [{ file: Buffer.alloc(64) }]) },
  );
  return fc.record({ event: fc.constant(event), args, withAck: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) });
}

/** Events no namespace declares: they too are answered once (BAD_INPUT "Unknown command"). */
export const unknownCalls: fc.Arbitrary<SocketCall> = fc.record({
  event: fc
    .oneof(
      hostileString.filter((name) => name.length < 2_000),
      fc.constantFrom("admin:drop", "message:delete", "conversation:sync ", "MESSAGE:SEND", "__proto__", "toString", "presence:ping\u0000", "session:end\uD800"),
    )
    .filter((name) => !RESERVED_EVENTS.has(name)),
  args: fc.oneof(fc.constant<unknown[]>([]), hostileValue.map((value): unknown[] => [value])),
  withAck: fc.constant(true),
});
