// Child processes for the benchmarks: each server or app process runs in its own Node.js process
// (TypeScript through tsx, as the tests do), talks to the scenario over the IPC channel and is
// stopped by its own pid, never by name.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface Child {
  process: ChildProcess;
  /** Resolves with the next IPC message that matches, rejects on exit or timeout. */
  next<T extends { type: string }>(type: string, timeoutMs: number): Promise<T>;
  send(message: unknown): void;
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * `fileLimit` raises the child's open-file limit (soft and hard) with util-linux `prlimit`, which
 * execs Node.js in place: the pid is the server's own, for reading its /proc/<pid>/status.
 */
/** `env` is added to this process's environment; a variable given as undefined is removed. */
export function startChild(
  file: string,
  env: Record<string, string | undefined>,
  nodeArgs: string[] = [],
  options: { fileLimit?: number; /** Pins the child to these CPUs (`taskset -c`, e.g. "1"). */ cpus?: string } = {},
): Child {
  const nodeCommand = [process.execPath, ...nodeArgs, "--import", "tsx", path.join(REPO_ROOT, file)];
  const limited = options.fileLimit ? ["prlimit", `--nofile=${options.fileLimit}:${options.fileLimit}`, ...nodeCommand] : nodeCommand;
  const [command, ...commandArgs] = options.cpus ? ["taskset", "-c", options.cpus, ...limited] : limited;
  const childEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const child = spawn(command!, commandArgs, {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const inbox: Array<{ type: string }> = [];
  const waiters: Array<{ type: string; resolve: (message: { type: string }) => void; reject: (error: Error) => void }> = [];
  let exited: Error | null = null;
  child.on("message", (raw) => {
    const message = raw as { type: string };
    const index = waiters.findIndex((waiter) => waiter.type === message.type);
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  child.on("exit", (code, signal) => {
    exited = new Error(`${file} exited (${code ?? signal})`);
    for (const waiter of waiters.splice(0)) waiter.reject(exited);
  });
  return {
    process: child,
    next<T extends { type: string }>(type: string, timeoutMs: number): Promise<T> {
      const queued = inbox.findIndex((message) => message.type === type);
      if (queued >= 0) return Promise.resolve(inbox.splice(queued, 1)[0] as T);
      if (exited) return Promise.reject(exited);
      return new Promise<T>((resolve, reject) => {
        const waiter = { type, resolve: (message: { type: string }) => (clearTimeout(timer), resolve(message as T)), reject: (error: Error) => (clearTimeout(timer), reject(error)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`${file}: no "${type}" within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    send(message) {
      if (child.connected) child.send(message as object);
    },
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await done;
      clearTimeout(timer);
    },
  };
}

/** For the child side: send a message to the scenario. */
export function tell(message: { type: string } & Record<string, unknown>): void {
  process.send?.(message);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The realtime server's `log` for a benchmark node: counts errors and keeps the first five, which
 * the node reports back with its figures (`errors`, `firstErrors`).
 */
export function createErrorLog() {
  const firstErrors: string[] = [];
  let errors = 0;
  return {
    log(message: string, error?: unknown) {
      errors += 1;
      if (firstErrors.length < 5) firstErrors.push(`${message}: ${error instanceof Error ? error.message : String(error ?? "")}`);
    },
    report: () => ({ errors, firstErrors }),
  };
}
