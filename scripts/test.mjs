#!/usr/bin/env node
// `npm test`: every check, in order, each level counted, then one closing line
// "N passed, N failed". Levels: type-check, lint, unit (core), integration (real PostgreSQL and
// Redis), end to end (production build in Chromium). A failing level does not stop the rest, so
// one run shows everything that is wrong; any failure makes the exit code non-zero.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "0" };
const bin = (name) => `node_modules/.bin/${name}`;
fs.mkdirSync("test-results", { recursive: true });

const levels = [];

function run(label, command, args, readCounts) {
  const started = Date.now();
  console.log(`\n━━ ${label} ━━ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
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

function playwrightCounts() {
  try {
    const { stats } = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8"));
    return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
  } catch {
    return undefined;
  }
}

for (const file of ["test-results/unit.json", "test-results/integration.json", "test-results/e2e.json"]) fs.rmSync(file, { force: true });

run("type-check", bin("tsc"), ["--noEmit"]);
run("lint", bin("eslint"), ["."]);
run("unit", bin("vitest"), ["run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], vitestCounts("test-results/unit.json"));
run("integration", bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], vitestCounts("test-results/integration.json"));
run("build", bin("next"), ["build"]);
if (levels.at(-1).ok) run("end-to-end", bin("playwright"), ["test"], playwrightCounts);
else levels.push({ label: "end-to-end", ok: false, seconds: "0", passed: 0, failed: 1, skipped: 0 });

console.log("\n━━ Summary ━━");
console.log("level          passed  failed  skipped  seconds");
for (const level of levels) {
  console.log(`${level.label.padEnd(14)} ${String(level.passed).padStart(6)}  ${String(level.failed).padStart(6)}  ${String(level.skipped).padStart(7)}  ${level.seconds.padStart(7)}`);
}
const tests = levels.filter((level) => ["unit", "integration", "end-to-end"].includes(level.label));
const passed = tests.reduce((sum, level) => sum + level.passed, 0);
const failed = levels.reduce((sum, level) => sum + (["unit", "integration", "end-to-end"].includes(level.label) ? level.failed : level.ok ? 0 : 1), 0);
const skipped = tests.reduce((sum, level) => sum + level.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(levels.every((level) => level.ok) ? 0 : 1);
