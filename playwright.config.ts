import { defineConfig } from "@playwright/test";

// End-to-end tests drive Debian's Chromium (Playwright's own browser download is impossible
// here) against the production build served by scripts/e2e-server.mjs.
const port = Number(process.env.E2E_PORT ?? 3210);
// E2E_CLUSTER_NODES=3: the server is a cluster behind HAProxy (scripts/e2e-server.mjs), and only
// the specs whose sockets cross nodes run (the "end-to-end (cluster)" level of `npm test`).
const clusterNodes = Number(process.env.E2E_CLUSTER_NODES ?? 0);
const CLUSTER_SUBSET = [
  "CHAT-1 CHAT-2 CHAT-4 CONSOLE-6 the agent receives a chat",
  "CHAT-2 CHAT-4 CONSOLE-6 two browsers: a buyer on the demo storefront and Ava",
  "CHAT-3 after a disconnect the chat window resumes",
  "WIDGET-1 CHAT-1 WIDGET-4 one script tag embeds the chat",
  "WIDGET-3 CHAT-4 CHAT-7 TEAM-6 agent nickname, typing, Read",
  "CHAT-3 after a network drop the widget resumes",
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const report = process.env.E2E_REPORT ?? "test-results/e2e.json";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  ...(clusterNodes > 0 ? { testMatch: ["console-chat.spec.ts", "widget.spec.ts"], grep: new RegExp(CLUSTER_SUBSET.map(escape).join("|")) } : {}),
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: report }]],
  // Each level keeps its own traces and screenshots: the cluster level runs after the single-node
  // one and would otherwise wipe a failure's artifacts before anyone could read them.
  outputDir: clusterNodes > 0 ? "test-results/e2e-cluster-artifacts" : "test-results/e2e-artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
