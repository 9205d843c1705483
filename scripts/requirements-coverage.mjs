#!/usr/bin/env node
// Keeps docs/requirements.md in step with the tests: for every requirement heading `### ID ...`
// it rewrites the `- Tested in:` line with the test files that name the id (unit and integration
// tests, end-to-end specs, benchmark scenarios). `--check` only compares and exits 1 when the
// document is stale, which the unit test src/requirements-doc.test.ts also does.
//
//   node scripts/requirements-coverage.mjs          # rewrite docs/requirements.md
//   node scripts/requirements-coverage.mjs --check  # exit 1 if it would change
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const documentPath = path.join(root, "docs/requirements.md");

/** Files that count as tests of a requirement: they run in `npm test` or `npm run bench`. */
export function isTestFile(relativePath) {
  return /\.(test|spec)\.tsx?$/.test(relativePath) || /^bench\/scenarios\/.+\.ts$/.test(relativePath);
}

function listFiles(directory) {
  const absolute = path.join(root, directory);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter(isTestFile)
    .sort();
}

/** The test files that name each requirement id as a whole word. */
export function testedIn(ids) {
  const files = ["src", "tests", "bench"].flatMap(listFiles);
  const contents = new Map(files.map((file) => [file, fs.readFileSync(path.join(root, file), "utf8")]));
  const result = new Map();
  for (const id of ids) {
    const pattern = new RegExp(`(?<![A-Z0-9-])${id}(?![0-9])`);
    result.set(id, files.filter((file) => pattern.test(contents.get(file))));
  }
  return result;
}

/** The document with every `- Tested in:` line recomputed. */
export function renderRequirements(markdown) {
  const lines = markdown.split("\n");
  const ids = lines.map((line) => /^### ([A-Z]+-\d+)\b/.exec(line)?.[1]).filter(Boolean);
  const coverage = testedIn(ids);
  let current = null;
  return lines
    .map((line) => {
      const heading = /^### ([A-Z]+-\d+)\b/.exec(line);
      if (heading) current = heading[1];
      if (current && line.startsWith("- Tested in:")) {
        const files = coverage.get(current);
        return `- Tested in: ${files.length ? files.map((file) => `\`${file}\``).join(", ") : "not yet"}`;
      }
      return line;
    })
    .join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = fs.readFileSync(documentPath, "utf8");
  const rendered = renderRequirements(current);
  if (process.argv.includes("--check")) {
    if (rendered !== current) {
      console.error("docs/requirements.md is stale: run `node scripts/requirements-coverage.mjs`.");
      process.exit(1);
    }
  } else if (rendered !== current) {
    fs.writeFileSync(documentPath, rendered);
    console.log("docs/requirements.md updated.");
  }
}
