// Socket commands are declared, not hand-wired (TEAM-1, NF-3): each names the permission it
// needs (console) or the buyer scope it runs in (widget) and its zod input. The binder checks
// the permission, validates the payload, runs the handler and always answers the
// acknowledgement: `{ ok: true, data }` or `{ ok: false, error: { code, message, fieldErrors } }`.
// A malformed payload or a throwing handler never crashes the process.
import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError, isAppError } from "@/core/errors";
import { assertCan, type Action } from "@/core/permissions";
import { badInputFromDatabaseError } from "@/server/http/pg-error-codes";
import type { Ack } from "@/shared/events";
import { zodFieldErrors } from "@/shared/validation";

export interface CommandDefinition<TContext, TInput extends z.ZodType, TOutput> {
  event: string;
  input: TInput;
  handle(context: TContext, input: z.infer<TInput>): Promise<TOutput>;
}

export interface ConsoleCommandDefinition<TContext, TInput extends z.ZodType, TOutput> extends CommandDefinition<TContext, TInput, TOutput> {
  /** The permission the member needs; checked before the input is even parsed. */
  action: Action;
}

export type AnyConsoleCommand<TContext> = ConsoleCommandDefinition<TContext, z.ZodType, unknown>;
export type AnyWidgetCommand<TContext> = CommandDefinition<TContext, z.ZodType, unknown>;

export function defineCommand<TContext, TInput extends z.ZodType, TOutput>(
  definition: ConsoleCommandDefinition<TContext, TInput, TOutput>,
): ConsoleCommandDefinition<TContext, TInput, TOutput> {
  return definition;
}

export function defineWidgetCommand<TContext, TInput extends z.ZodType, TOutput>(
  definition: CommandDefinition<TContext, TInput, TOutput>,
): CommandDefinition<TContext, TInput, TOutput> {
  return definition;
}

type AckFn = (reply: Ack<unknown>) => void;

export function toErrorAck(caught: unknown, log?: (error: unknown) => void): Ack<never> {
  const error = badInputFromDatabaseError(caught) ?? caught;
  if (isAppError(error)) return { ok: false, error: error.toJSON() };
  log?.(error);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." } };
}

/**
 * Binds commands to a socket. `contextOf` builds the handler's context per call; `actorOf`
 * (console only) gives the role for the permission check.
 */
export function bindCommands<TContext>(
  socket: Socket,
  commands: ReadonlyArray<CommandDefinition<TContext, z.ZodType, unknown> & { action?: Action }>,
  options: {
    contextOf: () => TContext;
    actorOf?: () => Parameters<typeof assertCan>[0];
    /** Runs before every command; throw an AppError to refuse (for example, a rate limit). */
    beforeEach?: (event: string) => void | Promise<void>;
    log?: (error: unknown) => void;
  },
): void {
  for (const command of commands) {
    socket.on(command.event, async (...args: unknown[]) => {
      const ack = args.at(-1);
      const reply: AckFn = typeof ack === "function" ? (ack as AckFn) : () => {};
      const payload = typeof ack === "function" ? args.slice(0, -1)[0] : args[0];
      try {
        if (command.action) {
          if (!options.actorOf) throw new AppError("FORBIDDEN", "This connection cannot run member commands.");
          assertCan(options.actorOf(), command.action);
        }
        await options.beforeEach?.(command.event);
        const parsed = command.input.safeParse(payload ?? {});
        if (!parsed.success) throw new AppError("BAD_INPUT", "Some fields are not valid.", zodFieldErrors(parsed.error));
        const data = await command.handle(options.contextOf(), parsed.data);
        reply({ ok: true, data });
      } catch (error) {
        reply(toErrorAck(error, options.log));
      }
    });
  }
}
