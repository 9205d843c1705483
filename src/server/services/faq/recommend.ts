// AUTO-4: the best FAQ answers for one buyer message, with scores in [0, 1] and whether the best
// one may be sent automatically at the shop's threshold. Callable inside any transaction (the
// buyer-message path, a future chatbot) with only a shop and a text.
//
// Scoring is pure TypeScript (src/core/faq): the shop's library is loaded once into an index and
// kept per process while its version (entry count, newest updatedAt) stays the same, so a
// recommendation costs one small aggregate query plus in-memory scoring (no query on the buyer's
// message path, whose statement reads the version with the message: faqVersionSql). The index
// holds the library words' vectors from the English word-vector table (word-vectors.ts, read
// once per process on first use, about 1.5 s).
import { buildFaqIndex, decideAutoSend, DEFAULT_AUTO_SEND_THRESHOLD, entriesWorthShowing, scoreMessage, type AutoSendDecision, type FaqCategory, type FaqIndex } from "@/core/faq";
import type { Tx } from "@/server/services/messaging/append-message";
import type { Database } from "@/server/db/client";
import { wordVectors } from "@/server/services/faq/word-vectors";

export const RECOMMENDATION_LIMIT = 3;
/** Entries per library the index holds (an import holds at most 5,000 rows at a time). */
const MAX_INDEXED_ENTRIES = 20_000;
const CACHED_SHOPS = 200;

export interface Recommendation {
  /** The FAQ entry's CSV id. */
  id: string;
  faqEntryId: string;
  category: FaqCategory;
  question: string;
  answer: string;
  score: number;
}

export interface RecommendationResult {
  recommendations: Recommendation[];
  /** Whether the best one would be sent at the shop's threshold, and why not. */
  autoSend: AutoSendDecision;
  threshold: number | null;
}

interface CachedIndex {
  version: string;
  index: FaqIndex;
  details: Map<string, { category: FaqCategory; question: string; answer: string }>;
}

const cache = new Map<string, CachedIndex>();

/**
 * A library's version: its entry count and newest change, as one SQL expression over a shop id
 * (`shop`), so that the buyer-message statement (buyer-message-sql.ts) reads the same key.
 */
export function faqVersionSql(shop: string): string {
  return `(SELECT count(*) || ':' || coalesce((extract(epoch FROM max(f."updatedAt")) * 1000)::bigint, 0) FROM "FaqEntry" f WHERE f."shopId" = ${shop})`;
}

/** The library's version and the shop's threshold in one round trip. */
export async function faqLibraryOf(tx: Tx | Database, shopId: string): Promise<KnownLibrary> {
  const [row] = await tx.$queryRawUnsafe<Array<{ version: string; threshold: number | null }>>(
    `SELECT ${faqVersionSql("$1::uuid")} AS version, (SELECT "autoSendThreshold" FROM "ShopSettings" WHERE "shopId" = $1::uuid) AS threshold`, shopId);
  return { version: row!.version, threshold: row!.threshold };
}

/** A library version and threshold already read (with the buyer's message), so none is read again. */
export interface KnownLibrary {
  version: string;
  threshold: number | null;
}

async function indexFor(tx: Tx | Database, shopId: string, key: string): Promise<CachedIndex> {
  const cached = cache.get(shopId);
  if (cached && cached.version === key) {
    // Map order is insertion order: re-inserting keeps recently used shops at the end.
    cache.delete(shopId);
    cache.set(shopId, cached);
    return cached;
  }
  const rows = await tx.faqEntry.findMany({
    where: { shopId }, orderBy: { externalId: "asc" }, take: MAX_INDEXED_ENTRIES,
    select: { id: true, externalId: true, category: true, question: true, alternatives: true, answer: true },
  });
  const index = buildFaqIndex(
    rows.map((row) => ({ key: row.id, externalId: row.externalId, question: row.question, alternatives: row.alternatives, answer: row.answer })),
    { vectors: wordVectors() ?? undefined },
  );
  const built: CachedIndex = { version: key, index, details: new Map(rows.map((row) => [row.id, { category: row.category, question: row.question, answer: row.answer }])) };
  cache.delete(shopId);
  cache.set(shopId, built);
  while (cache.size > CACHED_SHOPS) cache.delete(cache.keys().next().value!);
  return built;
}

/** The shop's threshold; null when automatic answers are off (ShopSettings.autoSendThreshold). */
export async function autoSendThresholdOf(tx: Tx | Database, shopId: string): Promise<number | null> {
  const settings = await tx.shopSettings.findUnique({ where: { shopId }, select: { autoSendThreshold: true } });
  return settings?.autoSendThreshold ?? null;
}

export async function recommendReplies(
  tx: Tx | Database,
  input: {
    shopId: string;
    text: string;
    /** Overrides the shop's setting (benchmark, previews). */
    threshold?: number | null;
    /** Read in the same transaction just before (the buyer-message statement): not read again. */
    library?: KnownLibrary;
  },
): Promise<RecommendationResult> {
  const library = input.library ?? await faqLibraryOf(tx, input.shopId);
  const threshold = input.threshold !== undefined ? input.threshold : library.threshold;
  const text = input.text.slice(0, 2000);
  const { index, details } = await indexFor(tx, input.shopId, library.version);
  const scores = scoreMessage(index, text, RECOMMENDATION_LIMIT);
  const recommendations = entriesWorthShowing(scores.ranked)
    .map((scored) => ({ id: scored.externalId, faqEntryId: scored.key, ...details.get(scored.key)!, score: scored.score }));
  const autoSend = decideAutoSend(index, text, scores, { enabled: threshold !== null, threshold: threshold ?? DEFAULT_AUTO_SEND_THRESHOLD });
  return { recommendations, autoSend, threshold };
}
