// The process's logger: pino, structured JSON lines (docs/operations.md, "Logs"). Callers keep
// the small Logger interface; `child` adds fields (reqId, shopId...) to every line it writes.
// In a terminal (or with LOG_FORMAT=pretty) the same records are printed as one readable line
// each, without a pretty-printer dependency. Secrets never reach the output: request headers
// that carry credentials are redacted, and callers log ids and figures, never message bodies.
import { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger as PinoLogger } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
export type LogFormat = "json" | "pretty";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (e.g. `{ reqId, shopId }`). */
  child(bindings: Record<string, unknown>): Logger;
}

/** Paths pino replaces with "[redacted]" wherever a record carries them. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-widget-token"]',
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  'headers["x-widget-token"]',
  "password",
  "token",
  "content",
  "body",
];

export interface LoggerOptions {
  format?: LogFormat;
  /** Where lines go; stdout by default (tests pass a stream to read them). */
  destination?: DestinationStream;
}

const LEVEL_NAMES: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const PRETTY_SKIPPED = new Set(["level", "time", "msg", "pid", "hostname", "err"]);

/** One readable line per record: `<time> INFO message key=value ...`, the stack below an error. */
function prettyStream(out: NodeJS.WritableStream): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        try {
          const record = JSON.parse(line) as Record<string, unknown>;
          const fields = Object.entries(record)
            .filter(([key]) => !PRETTY_SKIPPED.has(key))
            .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
          const error = record.err as { stack?: string; message?: string } | undefined;
          const time = new Date(Number(record.time)).toISOString();
          const text = [time, LEVEL_NAMES[Number(record.level)] ?? "LOG", record.msg, ...fields].filter(Boolean).join(" ");
          out.write(`${text}${error ? `\n${error.stack ?? error.message}` : ""}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}

function wrap(base: PinoLogger): Logger {
  return {
    debug: (message, fields) => (fields ? base.debug(fields, message) : base.debug(message)),
    info: (message, fields) => (fields ? base.info(fields, message) : base.info(message)),
    warn: (message, fields) => (fields ? base.warn(fields, message) : base.warn(message)),
    error: (message, error, fields) => {
      const err = error instanceof Error ? error : error === undefined ? undefined : new Error(String(error));
      base.error({ ...fields, ...(err ? { err } : {}) }, message);
    },
    child: (bindings) => wrap(base.child(bindings)),
  };
}

/** The default format: readable in a terminal, JSON lines when piped (a log collector). */
export function defaultLogFormat(env: NodeJS.ProcessEnv = process.env): LogFormat {
  if (env.LOG_FORMAT === "json" || env.LOG_FORMAT === "pretty") return env.LOG_FORMAT;
  return process.stdout.isTTY ? "pretty" : "json";
}

export function createLogger(level: LogLevel = "info", options: LoggerOptions = {}): Logger {
  const format = options.format ?? defaultLogFormat();
  // Synchronous writes to stdout: the last line before process.exit ("Counterpart stopped") is never lost.
  const destination =
    format === "pretty"
      ? prettyStream((options.destination as unknown as NodeJS.WritableStream | undefined) ?? process.stdout)
      : (options.destination ?? pino.destination({ fd: 1, sync: true }));
  const base = pino(
    {
      level,
      base: { pid: process.pid },
      messageKey: "msg",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
  return wrap(base);
}
