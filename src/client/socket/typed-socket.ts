// The browser's side of the command contract (src/shared/commands.ts): sockets typed per
// namespace, and `send`, which can only send a declared command with its input and resolves
// with that command's acknowledgement type. It never rejects: a timeout, a socket that is not
// connected, or a payload over the wire limit resolve as `{ ok: false }` with a code, so callers
// handle every outcome in one place (the delivery outbox retries on TIMEOUT/OFFLINE only).
import type { Socket } from "socket.io-client";
import {
  MAX_COMMAND_BYTES,
  type AckOf,
  type ClientErrorCode,
  type CommandErrorCode,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type NamespaceName,
} from "@/shared/commands";
import type {
  ConsoleClientToServerEvents,
  ConsoleServerToClientEvents,
  WidgetClientToServerEvents,
  WidgetServerToClientEvents,
} from "@/shared/events";

interface EventMaps {
  console: { listen: ConsoleServerToClientEvents; emit: ConsoleClientToServerEvents };
  widget: { listen: WidgetServerToClientEvents; emit: WidgetClientToServerEvents };
}

/**
 * A Socket.IO client socket of one namespace. The `__namespace` brand (type only) lets `send`
 * know which command map applies, so a widget socket cannot send a console command.
 */
export type TypedSocket<N extends NamespaceName> = Socket<EventMaps[N]["listen"], EventMaps[N]["emit"]> & { readonly __namespace?: N };
export type ConsoleSocket = TypedSocket<"console">;
export type WidgetSocket = TypedSocket<"widget">;

/** What `send` resolves with: the server's answer, or a failure the client saw itself. */
export type SendResult<N extends NamespaceName, C extends CommandName<N>> = AckOf<CommandResult<N, C>, CommandErrorCode<N, C> | ClientErrorCode>;

export interface SendOptions {
  /** How long to wait for the acknowledgement; 10 s unless told. */
  timeoutMs?: number;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

/** Types a socket from `io("/console")` or `io("/widget")`: the one cast, kept here. */
export function asTypedSocket<N extends NamespaceName>(_namespace: N, socket: Socket): TypedSocket<N> {
  return socket as unknown as TypedSocket<N>;
}

/** The UTF-8 length of a value as JSON. */
export function encodedBytes(payload: unknown): number {
  const json = JSON.stringify(payload ?? {}) ?? "";
  return new TextEncoder().encode(json).length;
}

/** What the server measures against MAX_COMMAND_BYTES: the JSON of `[command, input]` (docs/realtime.md "Limits"). */
export function commandBytes(command: string, input: unknown): number {
  return encodedBytes([command, input ?? {}]);
}

/**
 * Sends command `command` with `input` and resolves with its acknowledgement.
 * TIMEOUT: no answer within `timeoutMs` (the command may or may not have run; retry with the
 * same client id). OFFLINE: not connected, nothing was sent. BAD_INPUT without a round trip: the
 * payload is over MAX_COMMAND_BYTES.
 */
export function send<N extends NamespaceName, C extends CommandName<N>>(
  socket: TypedSocket<N>,
  command: C,
  input: CommandInput<N, C>,
  options: SendOptions = {},
): Promise<SendResult<N, C>> {
  type Result = SendResult<N, C>;
  if (!socket.connected) {
    return Promise.resolve<Result>({ ok: false, error: { code: "OFFLINE", message: "Not connected. Check your connection; we keep trying." } });
  }
  if (commandBytes(command, input) > MAX_COMMAND_BYTES) {
    return Promise.resolve<Result>({ ok: false, error: { code: "BAD_INPUT", message: `This is too large to send (at most ${MAX_COMMAND_BYTES / 1024} KiB).` } });
  }
  // The typed emit's overloads do not follow generic command names; the contract is enforced
  // by this function's signature instead.
  const untyped = socket as unknown as Socket;
  return new Promise<Result>((resolve) => {
    untyped.timeout(options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS).emit(command, input, (error: Error | null, reply: Result) => {
      if (error) resolve({ ok: false, error: { code: "TIMEOUT", message: "The server did not answer. Check your connection and try again." } });
      else resolve(reply);
    });
  });
}

/** A failed acknowledgement as an exception, for callers that prefer try/catch. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** Like `send`, but resolves with the data and throws a `CommandError` on any failure. */
export async function call<N extends NamespaceName, C extends CommandName<N>>(
  socket: TypedSocket<N>,
  command: C,
  input: CommandInput<N, C>,
  options?: SendOptions,
): Promise<CommandResult<N, C>> {
  const reply = await send(socket, command, input, options);
  if (reply.ok) return reply.data;
  throw new CommandError(reply.error.code, reply.error.message, reply.error.fieldErrors);
}
