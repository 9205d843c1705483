// Every socket command of both namespaces, declared once (issue 9, STYLE "one contract for the
// wire"): its name, zod input, result type, the error codes it may answer and, on the console,
// the permission it needs. The server binds exactly these (`src/server/realtime/commands.ts`
// refuses to compile without a handler for each), browsers send them through the typed
// `send` of `src/client/socket/typed-socket.ts`, and docs/realtime.md lists them.
import type { z } from "zod";
import type { AppErrorCode, FieldErrors } from "@/core/errors";
import type { Action } from "@/core/permissions";
import type { ChatTranslationDto, MessageDto, MessageTranslationDto } from "@/shared/dto";
import * as input from "@/shared/command-schemas";
import { ZAgentSendMessage } from "@/shared/message-schemas";

// ─── Wire limits (docs/realtime.md "Limits") ─────────────────────────────────

/** A command's encoded payload may hold this many bytes; a larger one is answered BAD_INPUT. */
export const MAX_COMMAND_BYTES = 64 * 1024;
/** What the transport accepts at all: above it the connection is closed (the client reconnects). */
export const MAX_TRANSPORT_BYTES = 1024 * 1024;
/** Commands carry JSON only; a payload with binary attachments is answered BAD_INPUT (files go over HTTP). */
export const MAX_COMMAND_ATTACHMENTS = 0;

/** Codes any command may answer, whatever it does: the binder's own refusals. */
export const WIRE_ERROR_CODES = ["BAD_INPUT", "RATE_LIMITED", "INTERNAL"] as const;
export type WireErrorCode = (typeof WIRE_ERROR_CODES)[number];
/** Failures the client helper reports itself; the server never answers them. */
export type ClientErrorCode = "TIMEOUT" | "OFFLINE";

// ─── Declaring a command ─────────────────────────────────────────────────────

export interface CommandSpec<TInput extends z.ZodType = z.ZodType, TResult = unknown, TError extends AppErrorCode = AppErrorCode> {
  readonly input: TInput;
  /** Codes this command answers besides WIRE_ERROR_CODES. */
  readonly errors: readonly TError[];
  /** The console permission checked before the input is parsed; null: any member; absent: widget. */
  readonly permission?: Action | null;
  /** Type only: what `{ ok: true, data }` carries. Never set at run time. */
  readonly __result?: TResult;
}

/** `returns<Result>()({ input, errors })`: the result is named as a type, the rest as values. */
function returns<TResult>() {
  return <TInput extends z.ZodType, const TError extends AppErrorCode = never>(spec: {
    input: TInput;
    errors: readonly TError[];
    permission?: Action | null;
  }): CommandSpec<TInput, TResult, TError> => spec;
}

export interface MessagePage {
  /** Ascending by `seq`. */
  messages: MessageDto[];
  hasMore: boolean;
  /** SET-3: the stored translations of these messages (the widget's: of messages sent to the buyer only). */
  translations: MessageTranslationDto[];
}

// ─── Console (`/console`) ────────────────────────────────────────────────────

const SESSION_CHANGE = ["NOT_FOUND", "CONFLICT", "ILLEGAL_TRANSITION"] as const;

export const CONSOLE_COMMANDS = {
  "message:send": returns<MessageDto>()({ permission: "message:send", input: ZAgentSendMessage, errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT", "ILLEGAL_TRANSITION", "GONE"] }),
  "conversation:sync": returns<MessagePage>()({ permission: "conversation:read", input: input.ZConsoleSync, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  "conversation:history": returns<MessagePage>()({ permission: "conversation:read", input: input.ZConsoleHistory, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  "conversation:read": returns<null>()({ permission: "conversation:mark_read", input: input.ZConsoleRead, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  "typing:set": returns<null>()({ permission: "message:send", input: input.ZConsoleTyping, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  "session:star": returns<null>()({ permission: "session:star", input: input.ZSessionStar, errors: ["FORBIDDEN", ...SESSION_CHANGE] }),
  "session:set_category": returns<null>()({ permission: "session:set_category", input: input.ZSessionSetCategory, errors: ["FORBIDDEN", ...SESSION_CHANGE] }),
  "session:end": returns<{ closed: boolean }>()({ permission: "session:end", input: input.ZSessionEnd, errors: ["FORBIDDEN", ...SESSION_CHANGE] }),
  "session:assign": returns<{ moved: number }>()({ permission: "session:assign_self", input: input.ZSessionAssign, errors: ["FORBIDDEN", "CAPACITY_EXCEEDED", ...SESSION_CHANGE] }),
  "session:transfer": returns<{ moved: number }>()({ permission: "session:transfer", input: input.ZSessionTransfer, errors: ["FORBIDDEN", "CAPACITY_EXCEEDED", ...SESSION_CHANGE] }),
  "buyer:block": returns<{ closedSession: boolean }>()({ permission: "buyer:block", input: input.ZBuyerBlock, errors: ["FORBIDDEN", ...SESSION_CHANGE] }),
  "buyer:unblock": returns<null>()({ permission: "buyer:block", input: input.ZBuyerUnblock, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  /** SET-3: translate a message again (after a failure, or one never translated); the result follows as message.translated. */
  "translation:retry": returns<{ queued: boolean }>()({ permission: "message:send", input: input.ZTranslationRetry, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  /** SET-3: the chat's translation override (the chat menu). */
  "conversation:set_translation": returns<ChatTranslationDto>()({ permission: "message:send", input: input.ZConversationSetTranslation, errors: ["FORBIDDEN", "NOT_FOUND"] }),
  /** Liveness: answers the server's clock. Takes `{}` or no payload at all. */
  "presence:ping": returns<{ serverTime: string }>()({ permission: null, input: input.ZNoInput, errors: [] }),
} as const;

// ─── Widget (`/widget`) ──────────────────────────────────────────────────────

export const WIDGET_COMMANDS = {
  "message:send": returns<MessageDto>()({ input: input.ZWidgetSendMessage, errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"] }),
  "conversation:sync": returns<MessagePage>()({ input: input.ZWidgetSync, errors: [] }),
  "conversation:history": returns<MessagePage>()({ input: input.ZWidgetHistory, errors: [] }),
  "conversation:read": returns<null>()({ input: input.ZWidgetRead, errors: ["NOT_FOUND"] }),
  "typing:set": returns<null>()({ input: input.ZWidgetTyping, errors: [] }),
  "session:rate": returns<null>()({ input: input.ZSessionRate, errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"] }),
  "session:request_person": returns<{ handedOver: boolean }>()({ input: input.ZRequestPerson, errors: ["NOT_FOUND"] }),
  "voucher:claim": returns<{ voucherId: string; code: string; remaining: number }>()({ input: input.ZVoucherClaim, errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT", "GONE"] }),
  /** Liveness: answers the server's clock. Takes `{}` or no payload at all. */
  "presence:ping": returns<{ serverTime: string }>()({ input: input.ZNoInput, errors: [] }),
} as const;

// ─── Types derived from the maps ─────────────────────────────────────────────

export interface CommandMaps {
  console: typeof CONSOLE_COMMANDS;
  widget: typeof WIDGET_COMMANDS;
}
export type NamespaceName = keyof CommandMaps;
export const COMMANDS: { readonly [N in NamespaceName]: CommandMaps[N] } = { console: CONSOLE_COMMANDS, widget: WIDGET_COMMANDS };

export type CommandName<N extends NamespaceName> = keyof CommandMaps[N] & string;
export type ConsoleCommandName = CommandName<"console">;
export type WidgetCommandName = CommandName<"widget">;

type SpecOf<N extends NamespaceName, C extends CommandName<N>> = CommandMaps[N][C];

/** What a client sends (fields with defaults may be left out). */
export type CommandInput<N extends NamespaceName, C extends CommandName<N>> = SpecOf<N, C> extends CommandSpec<infer I, unknown, AppErrorCode> ? z.input<I> : never;
/** What the server's handler receives, after parsing. */
export type ParsedCommandInput<N extends NamespaceName, C extends CommandName<N>> = SpecOf<N, C> extends CommandSpec<infer I, unknown, AppErrorCode> ? z.output<I> : never;
export type CommandResult<N extends NamespaceName, C extends CommandName<N>> = SpecOf<N, C> extends CommandSpec<z.ZodType, infer R, AppErrorCode> ? R : never;
export type CommandErrorCode<N extends NamespaceName, C extends CommandName<N>> =
  | WireErrorCode
  | (SpecOf<N, C> extends CommandSpec<z.ZodType, unknown, infer E> ? E : never);

/** An acknowledgement whose error code is narrowed to `TCode`. */
export type AckOf<TResult, TCode extends string> =
  | { ok: true; data: TResult }
  | { ok: false; error: { code: TCode; message: string; fieldErrors?: FieldErrors } };

/** What the server answers to command `C`, exactly once. */
export type CommandAck<N extends NamespaceName, C extends CommandName<N>> = AckOf<CommandResult<N, C>, CommandErrorCode<N, C>>;

/** Socket.IO's client-to-server event map for a namespace: every command, payload, ack. */
export type ClientToServerEventsOf<N extends NamespaceName> = {
  [C in CommandName<N>]: (payload: CommandInput<N, C>, ack: (reply: CommandAck<N, C>) => void) => void;
};

export function isCommandName<N extends NamespaceName>(namespace: N, name: unknown): name is CommandName<N> {
  return typeof name === "string" && Object.hasOwn(COMMANDS[namespace], name);
}
