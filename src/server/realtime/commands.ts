// Binds the declared commands (src/shared/commands.ts) to a socket. One listener receives every
// event the client sends, known or not, so each is answered exactly once (docs/realtime.md):
// rate limit, wire limits, unknown command, permission (console), input (zod), then the
// handler; the acknowledgement is `{ ok: true, data }` or `{ ok: false, error }`. A malformed
// payload or a throwing handler never crashes the process or disconnects the socket.
import type { Socket } from "socket.io";
import { AppError, isAppError } from "@/core/errors";
import { assertCan, type Actor } from "@/core/permissions";
import { badInputFromDatabaseError } from "@/server/http/pg-error-codes";
import { WireViolation } from "@/server/realtime/wire-parser";
import {
  COMMANDS,
  WIRE_ERROR_CODES,
  isCommandName,
  type CommandName,
  type CommandResult,
  type CommandSpec,
  type NamespaceName,
  type ParsedCommandInput,
} from "@/shared/commands";
import type { Ack } from "@/shared/events";
import { zodFieldErrors } from "@/shared/validation";

/** Answered by the binder itself, on every server, with or without the product's handlers. */
type BuiltInCommand = "presence:ping";

/** One handler per declared command: the compiler refuses a map that misses one or mistypes it. */
export type CommandHandlers<N extends NamespaceName, TContext> = {
  [C in Exclude<CommandName<N>, BuiltInCommand>]: (context: TContext, input: ParsedCommandInput<N, C>) => Promise<CommandResult<N, C>>;
};

type AnyHandler<TContext> = (context: TContext, input: unknown) => Promise<unknown>;
type AckFn = (reply: Ack<unknown>) => void;

export function toErrorAck(caught: unknown, log?: (error: unknown) => void): Ack<never> {
  const error = badInputFromDatabaseError(caught) ?? caught;
  if (isAppError(error)) return { ok: false, error: error.toJSON() };
  log?.(error);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } };
}

const builtIns: Record<BuiltInCommand, () => Promise<unknown>> = {
  "presence:ping": async () => ({ serverTime: new Date().toISOString() }),
};

/** The command names a handler map binds (with the built-ins): what the map test compares. */
export function boundCommandNames(handlers: object | undefined): string[] {
  return [...Object.keys(builtIns), ...Object.keys(handlers ?? {})].sort();
}

/** What a client's event name shows in a message: printable and short. */
function describeEvent(event: unknown): string {
  return JSON.stringify(String(event).slice(0, 64));
}

export function bindCommands<N extends NamespaceName, TContext>(
  socket: Socket,
  namespace: N,
  handlers: CommandHandlers<N, TContext> | undefined,
  options: {
    contextOf: () => TContext;
    /** Console only: the member whose permission each command checks. */
    actorOf?: () => Actor;
    /** Runs first, for every event, known or not; throw AppError("RATE_LIMITED") to refuse. */
    limit?: (event: string) => void | Promise<void>;
    log?: (error: unknown) => void;
    /** Counts each command until it is answered (a shutdown waits for them, OPS-5). */
    track?: (work: Promise<unknown>) => void;
  },
): void {
  const specs = COMMANDS[namespace] as unknown as Record<string, CommandSpec>;
  const table = { ...(handlers as Record<string, AnyHandler<TContext>> | undefined), ...builtIns } as Record<string, AnyHandler<TContext> | undefined>;

  async function run(event: unknown, payload: unknown): Promise<unknown> {
    await options.limit?.(typeof event === "string" ? event : "");
    if (payload instanceof WireViolation) throw new AppError("BAD_INPUT", payload.message);
    const handler = isCommandName(namespace, event) ? table[event] : undefined;
    if (!handler) throw new AppError("BAD_INPUT", `Unknown command ${describeEvent(event)}.`);
    const spec = specs[event as string]!;
    if (spec.permission !== undefined) {
      if (!options.actorOf) throw new AppError("FORBIDDEN", "This connection cannot run member commands.");
      if (spec.permission !== null) assertCan(options.actorOf(), spec.permission);
    }
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
    return handler(options.contextOf(), parsed.data);
  }

  /** The answer stands; the log says the contract's `errors` list needs the code (clients narrow on it). */
  function reportUndeclared(event: unknown, code: string): void {
    if (!isCommandName(namespace, event) || (WIRE_ERROR_CODES as readonly string[]).includes(code)) return;
    const spec = specs[event]!;
    if ((spec.errors as readonly string[]).includes(code) || (code === "FORBIDDEN" && spec.permission !== undefined)) return;
    options.log?.(new Error(`${namespace} command ${event} answered ${code}, which src/shared/commands.ts does not declare`));
  }

  socket.onAny((event: unknown, ...args: unknown[]) => {
    const last = args.at(-1);
    const hasAck = typeof last === "function";
    const payload = hasAck ? args.slice(0, -1)[0] : args[0];
    let isAnswered = false;
    const reply: AckFn = (answer) => {
      if (isAnswered || !hasAck) return;
      isAnswered = true;
      (last as AckFn)(answer);
    };
    const answered = run(event, payload).then(
      (data) => reply({ ok: true, data }),
      (error: unknown) => {
        if (isAppError(error)) reportUndeclared(event, error.code);
        reply(toErrorAck(error, options.log));
      },
    );
    options.track?.(answered);
  });
}
