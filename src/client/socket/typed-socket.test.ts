// Issue 9: the typed emit cannot send an unknown command, a wrong input, or a command of the
// other namespace, and the result is typed per command. The type assertions are checked by
// `tsc --noEmit` (the `@ts-expect-error` lines fail to compile if the error disappears); the
// run-time cases check the failures `send` reports without a server.
import { io } from "socket.io-client";
import { describe, expect, expectTypeOf, it } from "vitest";
import { asTypedSocket, call, commandBytes, encodedBytes, send, type ConsoleSocket, type SendResult, type WidgetSocket } from "@/client/socket/typed-socket";
import { MAX_COMMAND_BYTES, type CommandAck, type CommandInput, type CommandResult } from "@/shared/commands";
import type { ConsoleClientToServerEvents, WidgetClientToServerEvents } from "@/shared/events";
import type { MessageDto, MessageTranslationDto } from "@/shared/dto";

const consoleSocket = asTypedSocket("console", io("http://127.0.0.1:9/console", { autoConnect: false }));
const widgetSocket = asTypedSocket("widget", io("http://127.0.0.1:9/widget", { autoConnect: false }));
const conversationId = "00000000-0000-4000-8000-000000000001";

describe("typed socket commands (issue 9)", () => {
  it("issue 9: results and inputs are typed per namespace and command", () => {
    expectTypeOf(consoleSocket).toEqualTypeOf<ConsoleSocket>();
    expectTypeOf<CommandResult<"console", "message:send">>().toEqualTypeOf<MessageDto>();
    expectTypeOf<CommandResult<"console", "session:end">>().toEqualTypeOf<{ closed: boolean }>();
    expectTypeOf<CommandResult<"widget", "voucher:claim">>().toEqualTypeOf<{ voucherId: string; code: string; remaining: number }>();
    expectTypeOf<CommandInput<"widget", "conversation:sync">>().toEqualTypeOf<{ afterSeq: number; limit?: number | undefined }>();
    expectTypeOf(send(consoleSocket, "session:end", { sessionId: conversationId })).resolves.toEqualTypeOf<SendResult<"console", "session:end">>();
    const page = call(widgetSocket, "conversation:sync", { afterSeq: 0 });
    page.catch(() => undefined); // not connected: rejects with OFFLINE, only its type matters here
    expectTypeOf(page).resolves.toEqualTypeOf<{ messages: MessageDto[]; hasMore: boolean; translations: MessageTranslationDto[] }>();

    type EndAck = CommandAck<"console", "session:end">;
    expectTypeOf<Extract<EndAck, { ok: false }>["error"]["code"]>().toEqualTypeOf<
      "BAD_INPUT" | "RATE_LIMITED" | "INTERNAL" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "ILLEGAL_TRANSITION"
    >();
    // No index signatures: the event maps hold the declared commands only.
    expectTypeOf<keyof ConsoleClientToServerEvents>().toEqualTypeOf<
      | "message:send" | "conversation:sync" | "conversation:history" | "conversation:read" | "typing:set" | "session:star"
      | "session:set_category" | "session:end" | "session:assign" | "session:transfer" | "buyer:block" | "buyer:unblock"
      | "translation:retry" | "conversation:set_translation" | "presence:ping"
    >();
    expectTypeOf<keyof WidgetClientToServerEvents>().toEqualTypeOf<
      "message:send" | "conversation:sync" | "conversation:history" | "conversation:read" | "typing:set" | "session:rate" | "session:request_person" | "voucher:claim" | "presence:ping"
    >();
  });

  it("issue 9: unknown commands, wrong inputs and the other namespace's commands do not compile", async () => {
    const compileOnly = async () => {
      // @ts-expect-error an unknown command
      await send(consoleSocket, "session:delete", { sessionId: conversationId });
      // @ts-expect-error a console command on the widget socket
      await send(widgetSocket, "session:end", { sessionId: conversationId });
      // @ts-expect-error the console's sync needs a conversation id
      await send(consoleSocket, "conversation:sync", { afterSeq: 0 });
      // @ts-expect-error a field of the wrong type
      await send(widgetSocket, "typing:set", { isTyping: "yes" });
      const reply = await send(consoleSocket, "session:end", { sessionId: conversationId });
      if (reply.ok) {
        expectTypeOf(reply.data.closed).toEqualTypeOf<boolean>();
        // @ts-expect-error session:end does not answer `moved`
        void reply.data.moved;
      } else {
        // @ts-expect-error session:end never answers GONE
        if (reply.error.code === "GONE") return;
      }
      const socket: WidgetSocket = widgetSocket;
      // @ts-expect-error a widget socket is not a console socket
      const asConsole: ConsoleSocket = socket;
      void asConsole;
    };
    expect(typeof compileOnly).toBe("function");
  });

  it("issue 9: a socket that is not connected answers OFFLINE without sending", async () => {
    const reply = await send(consoleSocket, "presence:ping", {});
    expect(reply).toEqual({ ok: false, error: { code: "OFFLINE", message: expect.any(String) } });
    await expect(call(consoleSocket, "presence:ping", {})).rejects.toMatchObject({ name: "CommandError", code: "OFFLINE" });
  });

  it("issue 9: the encoded size is the UTF-8 length of the JSON", () => {
    expect(encodedBytes({ a: "é" })).toBe(Buffer.byteLength(JSON.stringify({ a: "é" })));
    expect(encodedBytes(undefined)).toBe(2);
    expect(commandBytes("presence:ping", {})).toBe(JSON.stringify(["presence:ping", {}]).length);
    expect(MAX_COMMAND_BYTES).toBeGreaterThan(encodedBytes({ conversationId, clientId: "x".repeat(64), content: { kind: "text", body: "\u{1F600}".repeat(2_000) } }));
  });
});
