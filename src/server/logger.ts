// A small levelled logger; structured logging can replace it without touching callers.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(level: LogLevel = "info"): Logger {
  const threshold = LEVELS[level];
  const write = (at: LogLevel, message: string) => {
    if (LEVELS[at] < threshold || !message) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} ${message}`;
    if (at === "error" || at === "warn") console.error(line);
    else console.log(line);
  };
  return {
    debug: (message) => write("debug", message),
    info: (message) => write("info", message),
    warn: (message) => write("warn", message),
    error: (message, error) => write("error", error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
