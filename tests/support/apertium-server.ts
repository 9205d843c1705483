// A real Apertium APY server (Debian's apertium-apy with apertium-eng-spa, installed by .ci/run)
// on a free loopback port, for the translation tests. It is ready when /listPairs answers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { findFreePort } from "../../src/server/db/free-port";

const APY = "/usr/bin/apertium-apy";
const MODES = "/usr/share/apertium/modes";

export interface ApertiumServer {
  url: string;
  stop(): Promise<void>;
}

export async function startApertium(): Promise<ApertiumServer> {
  if (!fs.existsSync(APY) || !fs.existsSync(`${MODES}/eng-spa.mode`)) {
    throw new Error("Apertium is not installed: apt-get install -y apertium-apy apertium-eng-spa (.ci/run does this)");
  }
  const port = await findFreePort();
  const child: ChildProcess = spawn(APY, ["-p", String(port), MODES], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4_000)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}:\n${log}`);
    const ready = await fetch(`${url}/listPairs`).then((response) => response.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`apertium-apy did not answer within 30 s:\n${log}`);
    }
    // Polling a starting process: the readiness check itself, not a synchronisation sleep.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
