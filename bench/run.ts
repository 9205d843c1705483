// `npm run bench -- <scenario> [args...]`: runs bench/scenarios/<scenario>.ts, writes what it
// returns to bench/results/<scenario>.json and prints it as a table. A scenario is a module that
// exports `async function run(args: string[]): Promise<Record<string, unknown>>`; see README.md.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

type Scenario = { run(args: string[]): Promise<Record<string, unknown>> };

const benchDir = import.meta.dirname;
const scenarioDir = path.join(benchDir, "scenarios");
const [name, ...args] = process.argv.slice(2);
const available = fs.readdirSync(scenarioDir).filter((file) => file.endsWith(".ts")).map((file) => file.slice(0, -3)).sort();

if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <scenario> [args]\nScenarios: ${available.join(", ") || "(none)"}`);
  process.exit(2);
}

const scenario = (await import(pathToFileURL(path.join(scenarioDir, `${name}.ts`)).href)) as Scenario;
const startedAt = new Date();
const figures = await scenario.run(args);
const result = { scenario: name, startedAt: startedAt.toISOString(), seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10, ...figures };

const resultsDir = path.join(benchDir, "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${name}.json`);
fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
fs.renameSync(`${file}.tmp`, file);

const rows = Object.entries(result).filter(([, value]) => value === null || typeof value !== "object");
const width = Math.max(...rows.map(([key]) => key.length));
console.log(`\n${name}`);
for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${String(value)}`);
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
// Scenarios may leave pools or timers behind; the figures are written, so leave now.
process.exit(0);
