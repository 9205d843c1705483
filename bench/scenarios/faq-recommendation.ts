// AUTO-3, AUTO-4, issue 12 item 7: how good the FAQ recommendations are, measured through the
// product itself. The FAQ CSV is imported into a fresh shop with the product's import service
// (importFaqCsv); each question is asked of the product's recommendation service
// (recommendReplies) exactly as the buyer-message path asks it, at the shop's default threshold.
//
// `npm run bench -- faq-recommendation [--faq=<csv>] [--questions=<jsonl>] [--runs=500]`
// Without --faq/--questions it measures the shipped set (bench/data/faq.csv, questions.jsonl)
// and reports the two other development sets (holdout-*, holdout2-*) under `holdout` and
// `holdout2`. `word_vectors` says how big the word-vector table is and how long it took to load.
// p95_ms is one recommendation with 1,000 FAQ entries loaded (the set's entries plus generated
// ones), index cache warm, as in a running server.
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient, type Database } from "../../src/server/db/client";
import { DEFAULT_AUTO_SEND_THRESHOLD, formatFaqCsv, parseFaqCsv, type FaqCsvRow } from "../../src/core/faq";
import { importFaqCsv } from "../../src/server/services/faq/library";
import { recommendReplies } from "../../src/server/services/faq/recommend";
import { VECTOR_PACKAGE, wordVectors, wordVectorsStatus } from "../../src/server/services/faq/word-vectors";
import { prepareDatabase, truncateAll } from "../support/database";
import { round2, summarize, time } from "../stats";

interface Question { id: string; text: string; expected: string | null; lang: string }

const DATA = path.join(import.meta.dirname, "..", "data");

function option(args: string[], name: string): string | undefined {
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function readQuestions(file: string): Question[] {
  return fs.readFileSync(file, "utf8").split("\n").filter((line) => line.trim()).map((line, index) => {
    const question = JSON.parse(line) as Question;
    if (typeof question.text !== "string" || !("expected" in question)) throw new Error(`${file}:${index + 1}: needs "text" and "expected"`);
    return { ...question, lang: question.lang ?? "unknown" };
  });
}

async function createShop(db: Database, name: string): Promise<string> {
  const shop = await db.shop.create({
    data: { name, publicKey: `bench-faq-${name}-${Date.now()}`, identitySecret: "bench", settings: { create: { autoSendThreshold: DEFAULT_AUTO_SEND_THRESHOLD } } },
  });
  return shop.id;
}

async function importInto(db: Database, shopId: string, csv: string, file: string): Promise<void> {
  const imported = await importFaqCsv(db, { scope: { apiTokenShopId: shopId }, csv });
  if (!imported.ok) throw new Error(`${file}: ${imported.errors.map((error) => `line ${error.line}: ${error.message}`).join("; ")}`);
}

const rate = (hits: number, total: number) => (total === 0 ? null : Math.round((hits / total) * 1000) / 1000);

async function evaluate(db: Database, faqFile: string, questionsFile: string) {
  const shopId = await createShop(db, path.basename(faqFile, ".csv"));
  await importInto(db, shopId, fs.readFileSync(faqFile, "utf8"), faqFile);
  const questions = readQuestions(questionsFile);
  type Tally = { questions: number; answerable: number; top1: number; top3: number; falseAutoSend: number };
  const tally = (): Tally => ({ questions: 0, answerable: 0, top1: 0, top3: 0, falseAutoSend: 0 });
  const all = tally();
  const byLanguage = new Map<string, Tally>();
  let nulls = 0;
  let nullRefused = 0;
  let nullBelowThreshold = 0;
  let autoSent = 0;
  const falseAutoSends: Array<{ id: string; text: string; expected: string | null; sent: string }> = [];
  const misses: Array<{ id: string; text: string; expected: string; top: string[] }> = [];
  for (const question of questions) {
    const result = await recommendReplies(db, { shopId, text: question.text });
    const ids = result.recommendations.map((recommendation) => recommendation.id);
    const language = byLanguage.get(question.lang) ?? tally();
    byLanguage.set(question.lang, language);
    for (const bucket of [all, language]) {
      bucket.questions++;
      if (question.expected !== null) {
        bucket.answerable++;
        if (ids[0] === question.expected) bucket.top1++;
        if (ids.slice(0, 3).includes(question.expected)) bucket.top3++;
      }
    }
    if (result.autoSend.send) autoSent++;
    if (result.autoSend.send && result.autoSend.entry.externalId !== question.expected) {
      all.falseAutoSend++;
      language.falseAutoSend++;
      falseAutoSends.push({ id: question.id, text: question.text, expected: question.expected, sent: result.autoSend.entry.externalId });
    }
    if (question.expected === null) {
      nulls++;
      if (!result.autoSend.send) nullRefused++;
      if ((result.recommendations[0]?.score ?? 0) < DEFAULT_AUTO_SEND_THRESHOLD) nullBelowThreshold++;
    } else if (ids[0] !== question.expected) {
      misses.push({ id: question.id, text: question.text, expected: question.expected, top: ids });
    }
  }
  return {
    figures: {
      faq_entries: parseFaqCsv(fs.readFileSync(faqFile, "utf8")).ok ? (parseFaqCsv(fs.readFileSync(faqFile, "utf8")) as { entries: unknown[] }).entries.length : null,
      questions: all.questions,
      answerable_questions: all.answerable,
      top1_hit_rate: rate(all.top1, all.answerable),
      top3_hit_rate: rate(all.top3, all.answerable),
      false_autosend_rate: rate(all.falseAutoSend, all.questions),
      autosend_rate: rate(autoSent, all.questions),
      null_questions: nulls,
      null_refusal_rate: rate(nullRefused, nulls),
      null_below_threshold_rate: rate(nullBelowThreshold, nulls),
      threshold: DEFAULT_AUTO_SEND_THRESHOLD,
    },
    by_language: Object.fromEntries(
      [...byLanguage].sort(([a], [b]) => a.localeCompare(b)).map(([language, bucket]) => [language, {
        questions: bucket.questions,
        top1_hit_rate: rate(bucket.top1, bucket.answerable),
        top3_hit_rate: rate(bucket.top3, bucket.answerable),
        false_autosend_rate: rate(bucket.falseAutoSend, bucket.questions),
      }]),
    ),
    false_autosends: falseAutoSends,
    misses,
    questions,
  };
}

/** The set's entries plus generated product questions, 1,000 in all. */
function thousandEntries(faqFile: string): string {
  const parsed = parseFaqCsv(fs.readFileSync(faqFile, "utf8"));
  if (!parsed.ok) throw new Error(`${faqFile} is not a valid FAQ file`);
  const rows: FaqCsvRow[] = [...parsed.entries];
  const products = ["linen shirt", "wool coat", "leather belt", "running shoe", "denim jacket", "silk scarf", "rain jacket", "hiking boot", "canvas tote", "cashmere sweater",
    "swim short", "yoga legging", "bomber jacket", "ankle boot", "baseball cap", "travel backpack", "sun hat", "wrist watch", "chino trouser", "puffer vest"];
  const facets = [
    ["Is the {p} waterproof?", "Can I wear the {p} in the rain", "Yes, the {p} has a water-repellent finish."],
    ["Does the {p} come in other colours?", "What colours does the {p} have", "The {p} comes in the colours shown on its page."],
    ["Is the {p} unisex?", "Can men and women wear the {p}", "The {p} is designed as unisex."],
    ["What is the {p} lining made of?", "Does the {p} have a lining", "The {p} is lined with recycled polyester."],
    ["How heavy is the {p}?", "What does the {p} weigh", "The {p} weighs as listed under Details."],
    ["Is the {p} vegan?", "Does the {p} contain animal products", "Our {p} is vegan unless marked otherwise."],
    ["Where is the {p} made?", "Country of origin of the {p}", "The {p} is made in Portugal."],
    ["Can the {p} be repaired?", "Do you repair the {p}", "Yes, send the {p} to our repair service."],
    ["Is the {p} suitable for winter?", "Is the {p} warm enough", "The {p} is rated for temperatures down to 5 °C."],
    ["Does the {p} have pockets?", "How many pockets does the {p} have", "The {p} has the pockets shown in the photos."],
  ];
  for (let index = 0; rows.length < 1000; index++) {
    const product = `${products[index % products.length]} model ${Math.floor(index / products.length)}`;
    const facet = facets[Math.floor(index / products.length) % facets.length]!;
    rows.push({
      externalId: `generated-${index}`, category: "pre_purchase",
      question: facet[0]!.replaceAll("{p}", product), alternatives: [facet[1]!.replaceAll("{p}", product)], answer: facet[2]!.replaceAll("{p}", product),
    });
  }
  return formatFaqCsv(rows);
}

async function latency(db: Database, faqFile: string, questions: Question[], runs: number) {
  const shopId = await createShop(db, "thousand");
  await importInto(db, shopId, thousandEntries(faqFile), "generated 1,000 entries");
  let next = 0;
  const samples = await time(() => recommendReplies(db, { shopId, text: questions[next++ % questions.length]!.text }), { runs, warmup: 20 });
  return summarize(samples);
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const faqFile = path.resolve(option(args, "faq") ?? path.join(DATA, "faq.csv"));
  const questionsFile = path.resolve(option(args, "questions") ?? path.join(DATA, "questions.jsonl"));
  const custom = option(args, "faq") !== undefined || option(args, "questions") !== undefined;
  const runs = Number(option(args, "runs") ?? 500);
  const url = await prepareDatabase("cp_bench_faq");
  await truncateAll(url);
  const db = createPrismaClient(url, { max: 4 });
  try {
    const rssBefore = process.memoryUsage().rss;
    const vectors = wordVectors();
    if (!vectors) throw new Error(`word vectors did not load: ${String(wordVectorsStatus()?.error)}`);
    const vectorFigures = {
      package: VECTOR_PACKAGE, words: vectors.size, dimensions: vectors.dimensions, load_ms: wordVectorsStatus()?.loadMs,
      table_mb: Math.round(vectors.values.byteLength / 1e5) / 10, rss_growth_mb: Math.round((process.memoryUsage().rss - rssBefore) / 1e5) / 10,
    };
    const own = await evaluate(db, faqFile, questionsFile);
    const timing = await latency(db, faqFile, own.questions, runs);
    const holdout = custom ? null : await evaluate(db, path.join(DATA, "holdout-faq.csv"), path.join(DATA, "holdout-questions.jsonl"));
    const holdout2 = custom ? null : await evaluate(db, path.join(DATA, "holdout2-faq.csv"), path.join(DATA, "holdout2-questions.jsonl"));
    return {
      faq: path.relative(process.cwd(), faqFile),
      questions_file: path.relative(process.cwd(), questionsFile),
      ...own.figures,
      by_language: own.by_language,
      p95_ms: timing.p95_ms,
      p50_ms: timing.p50_ms,
      latency_runs: timing.runs,
      latency_faq_entries: 1000,
      word_vectors: vectorFigures,
      false_autosends: own.false_autosends,
      misses: own.misses,
      ...(holdout ? { holdout: { faq: "bench/data/holdout-faq.csv", questions_file: "bench/data/holdout-questions.jsonl", ...holdout.figures, by_language: holdout.by_language, false_autosends: holdout.false_autosends, misses: holdout.misses } } : {}),
      ...(holdout2 ? { holdout2: { faq: "bench/data/holdout2-faq.csv", questions_file: "bench/data/holdout2-questions.jsonl", ...holdout2.figures, by_language: holdout2.by_language, false_autosends: holdout2.false_autosends, misses: holdout2.misses } } : {}),
      note: "false_autosend_rate is over all questions; top-k over questions with an expected id; null_refusal_rate = null questions for which nothing would be sent automatically",
    };
  } finally {
    await db.$disconnect();
  }
}

export { round2 };
