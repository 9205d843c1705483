// Real app-node processes for the fault tests (NF-2): spawned with tsx, killed with SIGKILL, and
// every one of them killed after each test even when it fails (no process outlives its test).
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterEach } from "vitest";
import { TEST_AUTH_SECRET } from "./realtime-node";

export interface NodeProcess {
  port: number;
  url: string;
  nodeId: string;
  child: ChildProcess;
  /** kill -9: no shutdown code runs, nothing is closed, nothing said to the sockets. */
  kill9(): Promise<void>;
}

const running = new Set<ChildProcess>();
afterEach(async () => {
  await Promise.all([...running].map((child) => killAndWait(child, "SIGKILL")));
});
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export async function startNodeProcess(input: { databaseUrl: string; redisUrl?: string; port: number; graceMs?: number }): Promise<NodeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/fault-node.ts"], {
    env: {
      ...process.env,
      FAULT_DATABASE_URL: input.databaseUrl, FAULT_REDIS_URL: input.redisUrl ?? "", FAULT_PORT: String(input.port),
      FAULT_GRACE_MS: String(input.graceMs ?? 0), FAULT_AUTH_SECRET: TEST_AUTH_SECRET,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(child);
  const hello = await new Promise<{ nodeId: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`node on port ${input.port} did not start in 30 s`)), 30_000);
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`node on port ${input.port} exited with ${code} before it was ready`));
    });
  });
  return {
    port: input.port,
    url: `http://127.0.0.1:${input.port}`,
    nodeId: hello.nodeId,
    child,
    kill9: () => killAndWait(child, "SIGKILL"),
  };
}
