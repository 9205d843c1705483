#!/usr/bin/env node
// `npm test`: every check, in order, each level counted, then one closing line
// "N passed, N failed". Levels: type-check, lint, unit (core), integration (real PostgreSQL and
// Redis), end to end (production build in Chromium), cluster (3 nodes behind HAProxy: a rolling
// restart under load, then the cross-node socket specs through the balancer). A failing level does not stop the rest, so
// one run shows everything that is wrong; any failure makes the exit code non-zero.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
const bin = (name) => `node_modules/.bin/${name}`;
fs.mkdirSync("test-results", { recursive: true });

const levels = [];

function run(label, command, args, readCounts, extraEnv = {}) {
  const started = Date.now();
  const shownEnv = Object.entries(extraEnv).map(([name, value]) => `${name}=${value} `).join("");
  console.log(`\n━━ ${label} ━━ ${shownEnv}${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const exitedCleanly = result.status === 0;
  const counts = readCounts?.() ?? { passed: exitedCleanly ? 1 : 0, failed: exitedCleanly ? 0 : 1, skipped: 0 };
  // A runner that crashed before writing its report still counts as a failure, and a report
  // with failed tests fails the level whatever the runner's exit code says.
  if (!exitedCleanly && counts.failed === 0) counts.failed = 1;
  const ok = exitedCleanly && counts.failed === 0;
  levels.push({ label, ok, seconds, ...counts });
}

function vitestCounts(file) {
  return () => {
    try {
      const report = JSON.parse(fs.readFileSync(file, "utf8"));
      return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
    } catch {
      return undefined;
    }
  };
}

function playwrightCounts(file = "test-results/e2e.json") {
  try {
    const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
  } catch {
    return undefined;
  }
}

for (const file of ["unit", "integration", "e2e", "cluster", "e2e-cluster"]) fs.rmSync(`test-results/${file}.json`, { force: true });

run("type-check", bin("tsc"), ["--noEmit"]);
run("lint", bin("eslint"), ["."]);
run("unit", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], vitestCounts("test-results/unit.json"));
run("integration", bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], vitestCounts("test-results/integration.json"));
run("build", bin("next"), ["build"]);
const isBuilt = levels.at(-1).ok;
const notRun = (label) => levels.push({ label, ok: false, seconds: "0", passed: 0, failed: 1, skipped: 0 });
if (isBuilt) run("end-to-end", bin("playwright"), ["test"], playwrightCounts);
else notRun("end-to-end");
// The cluster levels (docs/deployment.md): real nodes of the production build behind HAProxy.
// A rolling restart under load, then the socket specs that cross nodes, through the balancer.
if (isBuilt) {
  run("cluster", bin("vitest"), ["run", "--project", "cluster", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/cluster.json"], vitestCounts("test-results/cluster.json"));
  const clusterEnv = { E2E_CLUSTER_NODES: "3", E2E_REPORT: "test-results/e2e-cluster.json", E2E_PORT: process.env.E2E_CLUSTER_PORT ?? "3310" };
  run("e2e (cluster)", bin("playwright"), ["test"], () => playwrightCounts("test-results/e2e-cluster.json"), clusterEnv);
} else {
  notRun("cluster");
  notRun("e2e (cluster)");
}

console.log("\n━━ Summary ━━");
console.log("level          passed  failed  skipped  seconds");
for (const level of levels) {
  console.log(`${level.label.padEnd(14)} ${String(level.passed).padStart(6)}  ${String(level.failed).padStart(6)}  ${String(level.skipped).padStart(7)}  ${level.seconds.padStart(7)}`);
}
const TEST_LEVELS = ["unit", "integration", "end-to-end", "cluster", "e2e (cluster)"];
const tests = levels.filter((level) => TEST_LEVELS.includes(level.label));
const passed = tests.reduce((sum, level) => sum + level.passed, 0);
const failed = levels.reduce((sum, level) => sum + (TEST_LEVELS.includes(level.label) ? level.failed : level.ok ? 0 : 1), 0);
const skipped = tests.reduce((sum, level) => sum + level.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(levels.every((level) => level.ok) ? 0 : 1);
