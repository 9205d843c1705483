// `npm run analytics:rebuild [-- --shop=<id>] [--dry-run] [--examples=N]` (issue 11 item 5):
// recomputes the analytics facts from the raw tables for one shop or every shop, prints every
// difference (per table and field: a count and the first examples) and fixes them unless
// --dry-run; then compares every stored daily rollup with the facts and deletes any that differ. Exit code 1 when a dry run found differences, 2 on bad arguments.
// DATABASE_URL names the database.
import { createPrismaClient } from "../src/server/db/client";
import { listShopIds, rebuildAnalyticsFacts, type RebuildReport } from "../src/server/services/analytics/rebuild-facts";

const args = process.argv.slice(2);
const value = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const dryRun = args.includes("--dry-run");
const shop = value("shop");
const examples = Number(value("examples") ?? 5);
const unknown = args.filter((arg) => arg !== "--dry-run" && !/^--(shop|examples)=/.test(arg));
if (unknown.length > 0 || !Number.isInteger(examples) || examples < 0 || (shop !== undefined && !/^[0-9a-f-]{36}$/i.test(shop))) {
  console.error(`usage: npm run analytics:rebuild -- [--shop=<uuid>] [--dry-run] [--examples=N]${unknown.length ? ` (unknown: ${unknown.join(" ")})` : ""}`);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(2);
}

function print(report: RebuildReport): void {
  console.log(`shop ${report.shopId}: ${report.differences} difference(s)${report.fixed ? ", fixed" : report.dryRun ? " (dry run, nothing changed)" : ""}`);
  for (const table of report.tables) {
    console.log(`  ${table.table}: ${table.expectedRows} expected, ${table.storedRows} stored, ${table.differences} difference(s)`);
    if (table.missing.count) console.log(`    missing ${table.missing.count}: ${table.missing.examples.join(", ")}`);
    if (table.extra.count) console.log(`    extra ${table.extra.count}: ${table.extra.examples.join(", ")}`);
    for (const [field, difference] of Object.entries(table.fields)) {
      console.log(`    ${field} differs in ${difference.count} row(s)`);
      for (const example of difference.examples) console.log(`      ${example.key}: stored ${JSON.stringify(example.stored)}, expected ${JSON.stringify(example.expected)}`);
    }
  }
  const { rollups } = report;
  console.log(`  AnalyticsDayRollup: ${rollups.checkedDays} stored day(s) checked, ${rollups.differences} difference(s)${rollups.skippedDays ? `, ${rollups.skippedDays} skipped (being written)` : ""}`);
  if (rollups.examples.length) console.log(`    differing: ${rollups.examples.join(", ")}`);
}

const db = createPrismaClient(url, { max: 4 });
let differences = 0;
try {
  for (const shopId of shop ? [shop] : await listShopIds(db)) {
    const report = await rebuildAnalyticsFacts(db, { shopId, dryRun, examples });
    print(report);
    differences += report.differences;
  }
} finally {
  await db.$disconnect();
}
process.exit(dryRun && differences > 0 ? 1 : 0);
