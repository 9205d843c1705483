// CONSOLE-4: search by message keyword, buyer nickname or order id, within what the member may
// see. Each field has a trigram (pg_trgm GIN) index, so a substring matches anywhere, in any
// case, without scanning the shop's years of messages. The searches run in parallel; a
// conversation found by several fields is listed once: order id first (the most precise), then
// nickname, then the most recent messages, then translations of messages (SET-3). The match comes
// back as highlight segments.
//
// Every query first finds and limits its hits (conversation ids plus what was matched), checking
// visibility with an index probe, and only then looks up the buyer and the session to open for
// the few rows left.
import { Prisma } from "@/generated/prisma/client";
import { highlightMatches, type SearchMatchField, type SearchResultDto, type SearchResultsDto } from "@/core/console";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { ACTIVE_STATES, epochMs, listedSessionSql, seenByEveryoneSql, toViewer, visibleConversationSql, visibleSessionSql, type Viewer } from "./scope";

export const SEARCH_RESULT_LIMIT = 20;
/** Trigram indexes need three characters; shorter keywords search nicknames and order ids only. */
export const MESSAGE_SEARCH_MIN_LENGTH = 3;
const SNIPPET_LENGTH = 90;

export interface SearchChatsInput {
  member: MemberContext;
  q: string;
  limit?: number;
}

interface Hit {
  conversationId: string;
  sessionId: string | null;
  state: SearchResultDto["state"];
  buyerId: string;
  nickname: string;
  avatarUrl: string | null;
  atMs: number | null;
  /** The matching message body, or the matching order id. */
  matched: string | null;
}

/** `%q%` for ILIKE, with the wildcards a user might type taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * The conversations a member without chat access management may see (the rule of
 * src/core/visibility, rewritten as a union so each side walks an index), with when they last
 * handled each: the sessions queued or held by them (now or when it closed), plus the ones they
 * handed on; both sides are indexed:
 * (shopId, state, assigneeId), (shopId, assigneeId, closedAt), Assignment(shopId, fromMemberId).
 */
function ownConversations(viewer: Viewer): Prisma.Sql {
  return Prisma.sql`
    SELECT "conversationId", max("handledAt") AS "handledAt" FROM (
      SELECT s."conversationId", s."createdAt" AS "handledAt" FROM "ChatSession" s
      WHERE s."shopId" = ${viewer.shopId}::uuid AND ${listedSessionSql(viewer, "s")}
      UNION ALL
      SELECT handed."conversationId", a."createdAt" FROM "Assignment" a
      JOIN LATERAL (SELECT s."conversationId" FROM "ChatSession" s WHERE s.id = a."sessionId" LIMIT 1) handed ON TRUE
      WHERE a."shopId" = ${viewer.shopId}::uuid AND a."fromMemberId" = ${viewer.memberId}::uuid
    ) own
    GROUP BY "conversationId"`;
}

/** How many of the newest rows of ownConversations' union recentOwnConversations reads. */
const RECENT_ROWS = 1_000;

/**
 * The `count` conversations of ownConversations most recently handled, most recent first,
 * without reading the member's whole history: the union's rows come newest first from three
 * index walks ((shopId, createdAt) of the queued sessions, (shopId, assigneeId, createdAt), and
 * Assignment(shopId, fromMemberId, createdAt)), RECENT_ROWS of them. A conversation's newest row
 * is its first in that order, so when those rows name `count` conversations or more, the first
 * `count` by their newest row are exactly ownConversations' first `count`; when all the rows
 * fit, they are all of them. Only otherwise (a member whose recent rows repeat a few
 * conversations) is the whole history grouped, as ownConversations does.
 */
function recentOwnConversations(viewer: Viewer, count: number): Prisma.Sql {
  const shop = Prisma.sql`${viewer.shopId}::uuid`;
  const me = Prisma.sql`${viewer.memberId}::uuid`;
  return Prisma.sql`
    WITH recent_rows AS MATERIALIZED (
      SELECT "conversationId", "handledAt" FROM (
        (SELECT s."conversationId", s."createdAt" AS "handledAt" FROM "ChatSession" s
         WHERE s."shopId" = ${shop} AND ${seenByEveryoneSql("s")}
         ORDER BY s."createdAt" DESC LIMIT ${RECENT_ROWS})
        UNION ALL
        (SELECT s."conversationId", s."createdAt" FROM "ChatSession" s
         WHERE s."shopId" = ${shop} AND s."assigneeId" = ${me}
         ORDER BY s."createdAt" DESC LIMIT ${RECENT_ROWS})
        UNION ALL
        (SELECT handed."conversationId", a."createdAt" FROM "Assignment" a
         JOIN LATERAL (SELECT s."conversationId" FROM "ChatSession" s WHERE s.id = a."sessionId" LIMIT 1) handed ON TRUE
         WHERE a."shopId" = ${shop} AND a."fromMemberId" = ${me}
         ORDER BY a."createdAt" DESC LIMIT ${RECENT_ROWS})
      ) newest
      ORDER BY "handledAt" DESC
      LIMIT ${RECENT_ROWS}
    ), recent AS (
      SELECT "conversationId", max("handledAt") AS "handledAt" FROM recent_rows GROUP BY "conversationId"
    ), complete AS MATERIALIZED (
      SELECT (SELECT count(*) FROM recent) >= ${count} OR (SELECT count(*) FROM recent_rows) < ${RECENT_ROWS} AS "isComplete"
    )
    (SELECT "conversationId", "handledAt" FROM recent WHERE (SELECT "isComplete" FROM complete) ORDER BY "handledAt" DESC LIMIT ${count})
    UNION ALL
    (SELECT "conversationId", "handledAt" FROM (${ownConversations(viewer)}) own WHERE NOT (SELECT "isComplete" FROM complete)
     ORDER BY "handledAt" DESC LIMIT ${count})`;
}

/**
 * Hits (columns "conversationId", "atMs", matched; at most `limit`) to results: the buyer, and
 * the session a click opens: the active one if the viewer sees it, else the latest they may see.
 */
function decorate(viewer: Viewer, hits: Prisma.Sql): Prisma.Sql {
  const own = viewer.canSeeAll ? Prisma.empty : Prisma.sql`AND ${visibleSessionSql(viewer, "vs")}`;
  return Prisma.sql`
    SELECT h."conversationId", v.id AS "sessionId", v.state, b.id AS "buyerId", b.nickname, b."avatarUrl", h."atMs", h.matched
    FROM (${hits}) h
    JOIN "Conversation" c ON c.id = h."conversationId"
    JOIN "Buyer" b ON b.id = c."buyerId"
    LEFT JOIN LATERAL (
      SELECT vs.id, vs.state::text AS state FROM "ChatSession" vs
      WHERE vs."conversationId" = c.id ${own}
      ORDER BY (vs.state IN ${ACTIVE_STATES}) DESC, vs."createdAt" DESC
      LIMIT 1
    ) v ON TRUE
    ORDER BY h.rank`;
}

// Conversation.buyerId is unique; the LIMIT 1 keeps the lookup a per-match index probe, where the
// planner would otherwise hash-join the whole Conversation table for a common nickname.
const conversationOfBuyer = (buyerColumn: Prisma.Sql) => Prisma.sql`JOIN LATERAL (
      SELECT cc.id, cc."lastMessageAt" FROM "Conversation" cc WHERE cc."buyerId" = ${buyerColumn} LIMIT 1
    ) c ON TRUE`;

/**
 * The first `limit` of `ranked` (hits with a "rank", all of a field's matches in rank order)
 * that the viewer may see. The matches are ranked first and each is checked, in rank order, only
 * until `limit` are found: an agent searching a common nickname part (thousands of buyers, most
 * of them other agents' chats) probes a few hundred conversations, not every match.
 */
function firstVisible(viewer: Viewer, ranked: Prisma.Sql, limit: number): Prisma.Sql {
  // OFFSET 0 keeps the visibility check out of the ranking, so the walk follows the rank order.
  return Prisma.sql`
    SELECT * FROM (${ranked} ORDER BY rank OFFSET 0) ranked
    WHERE ${visibleConversationSql(viewer, Prisma.sql`ranked."conversationId"`)}
    LIMIT ${limit}`;
}

async function searchOrders(db: Database, viewer: Viewer, q: string, limit: number): Promise<Hit[]> {
  return db.$queryRaw<Hit[]>`${decorate(viewer, firstVisible(viewer, Prisma.sql`
    SELECT c.id AS "conversationId", ${epochMs(Prisma.sql`c."lastMessageAt"`)} AS "atMs", o."externalId" AS matched,
           row_number() OVER (ORDER BY lower(o."externalId") = lower(${q}) DESC, o."placedAt" DESC) AS rank
    FROM "Order" o
    ${conversationOfBuyer(Prisma.sql`o."buyerId"`)}
    WHERE o."shopId" = ${viewer.shopId}::uuid AND o."externalId" ILIKE ${containsPattern(q)}`, limit))}`;
}

async function searchNicknames(db: Database, viewer: Viewer, q: string, limit: number): Promise<Hit[]> {
  return db.$queryRaw<Hit[]>`${decorate(viewer, firstVisible(viewer, Prisma.sql`
    SELECT c.id AS "conversationId", ${epochMs(Prisma.sql`c."lastMessageAt"`)} AS "atMs", NULL::text AS matched,
           row_number() OVER (ORDER BY lower(b.nickname) = lower(${q}) DESC, c."lastMessageAt" DESC NULLS LAST) AS rank
    FROM "Buyer" b
    ${conversationOfBuyer(Prisma.sql`b.id`)}
    WHERE b."shopId" = ${viewer.shopId}::uuid AND b.nickname ILIKE ${containsPattern(q)}`, limit))}`;
}

/** Keyword hits: the newest matching message per conversation, newest first. */
function keywordHits(hits: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "conversationId", ${epochMs(Prisma.sql`"createdAt"`)} AS "atMs", body AS matched,
           row_number() OVER (ORDER BY "createdAt" DESC) AS rank
    FROM (SELECT DISTINCT ON ("conversationId") "conversationId", body, "createdAt" FROM (${hits}) x
          ORDER BY "conversationId", "createdAt" DESC) newest
    ORDER BY rank
    LIMIT ${limit}`;
}

/**
 * Message keywords. What is fast for a rare word is slow for a common one, so:
 *  - A member who sees the whole shop: the newest matching messages, one query. The planner
 *    walks the (shopId, createdAt) index backwards for a common word and reads the trigram
 *    index for a rare one.
 *  - A member who sees only their own chats (a small part of the shop) gets the newest match in
 *    each of their conversations, most recently handled first:
 *    1. Walk their RECENT_CONVERSATIONS most recent conversations. A common word is found here
 *       quickly; the results are complete once `limit` conversations matched.
 *    2. Otherwise the word is rare: the trigram index collects its matches in the whole shop
 *       (up to KEYWORD_MATCH_CAP) and the visible ones are the answer.
 *    3. A word too common for step 2 but sparse in step 1: walk all their conversations.
 */
const RECENT_CONVERSATIONS = 100;
const KEYWORD_MATCH_CAP = 10_000;

async function searchMessages(db: Database, viewer: Viewer, q: string, limit: number): Promise<Hit[]> {
  if (q.length < MESSAGE_SEARCH_MIN_LENGTH) return [];
  // The "authorType" clause is also the trigram index's predicate: keep them the same.
  const isKeywordMessage = Prisma.sql`m.body ILIKE ${containsPattern(q)} AND m."authorType" <> 'system'`;
  if (viewer.canSeeAll) {
    // Several hits may share a conversation: a few more than needed, the newest per conversation.
    return db.$queryRaw<Hit[]>`${decorate(viewer, keywordHits(Prisma.sql`
      SELECT m."conversationId", m.body, m."createdAt" FROM "Message" m
      WHERE m."shopId" = ${viewer.shopId}::uuid AND ${isKeywordMessage}
      ORDER BY m."createdAt" DESC
      LIMIT ${limit * 5}`, limit))}`;
  }

  const walkOwnConversations = (maxConversations: number | null) => db.$queryRaw<Hit[]>`
    WITH mine AS MATERIALIZED (
      ${maxConversations === null
        ? Prisma.sql`${ownConversations(viewer)} ORDER BY "handledAt" DESC`
        : Prisma.sql`SELECT * FROM (${recentOwnConversations(viewer, maxConversations)}) recent ORDER BY "handledAt" DESC`}
    )
    ${decorate(viewer, keywordHits(Prisma.sql`
      -- No ORDER BY: the nested loop keeps the CTE's order, so the walk stops at the limit.
      SELECT mine."conversationId", hit.body, hit."createdAt"
      FROM mine
      CROSS JOIN LATERAL (
        -- Newest first through (conversationId, seq), stopping at the first match. OFFSET 0 keeps
        -- the keyword out of the scan: probing the trigram index once per conversation costs more.
        SELECT m.body, m."createdAt" FROM (
          SELECT m.body, m."createdAt", m."authorType" FROM "Message" m
          WHERE m."conversationId" = mine."conversationId" ORDER BY m.seq DESC OFFSET 0
        ) m
        WHERE ${isKeywordMessage}
        LIMIT 1
      ) hit
      LIMIT ${limit}`, limit))}`;

  const recent = await walkOwnConversations(RECENT_CONVERSATIONS);
  if (recent.length >= limit) return recent;

  const rare = await db.$queryRaw<Array<Partial<Hit> & { matchCount: number }>>`
    WITH matches AS MATERIALIZED (
      SELECT m."conversationId", m.body, m."createdAt" FROM "Message" m
      WHERE m."shopId" = ${viewer.shopId}::uuid AND ${isKeywordMessage}
      LIMIT ${KEYWORD_MATCH_CAP + 1}
    )
    SELECT n."matchCount", r.*
    FROM (SELECT count(*)::int AS "matchCount" FROM matches) n
    LEFT JOIN (${decorate(viewer, keywordHits(Prisma.sql`
      -- Each match's conversation checked by index probes: the member's whole history is not read.
      SELECT h."conversationId", h.body, h."createdAt" FROM matches h WHERE ${visibleConversationSql(viewer, Prisma.sql`h."conversationId"`)}`, limit))}) r ON TRUE`;
  if ((rare[0]?.matchCount ?? 0) <= KEYWORD_MATCH_CAP) {
    return rare.filter((hit): hit is Hit & { matchCount: number } => typeof hit.conversationId === "string");
  }
  return walkOwnConversations(null);
}

/**
 * SET-3: keywords in translations too (an agent searches in their language for what a buyer
 * wrote in theirs). The newest matching translations the member may see, as message hits.
 */
async function searchTranslations(db: Database, viewer: Viewer, q: string, limit: number): Promise<Hit[]> {
  if (q.length < MESSAGE_SEARCH_MIN_LENGTH) return [];
  return db.$queryRaw<Hit[]>`${decorate(viewer, keywordHits(Prisma.sql`
    SELECT t."conversationId", t.text AS body, t."createdAt" FROM "MessageTranslation" t
    WHERE t."shopId" = ${viewer.shopId}::uuid AND t.status = 'done' AND t.text ILIKE ${containsPattern(q)}
      AND ${visibleConversationSql(viewer, Prisma.sql`t."conversationId"`)}
    ORDER BY t."createdAt" DESC
    LIMIT ${limit * 5}`, limit))}`;
}

export async function searchChats(db: Database, input: SearchChatsInput): Promise<SearchResultsDto> {
  const viewer = toViewer(input.member);
  const q = input.q.trim();
  const limit = Math.min(Math.max(input.limit ?? SEARCH_RESULT_LIMIT, 1), 50);
  if (q.length === 0) return { query: q, results: [] };
  const [orders, nicknames, messages, translations] = await Promise.all([
    searchOrders(db, viewer, q, limit),
    searchNicknames(db, viewer, q, limit),
    searchMessages(db, viewer, q, limit),
    searchTranslations(db, viewer, q, limit),
  ]);

  const results: SearchResultDto[] = [];
  const seen = new Set<string>();
  const add = (hit: Hit, field: SearchMatchField) => {
    if (seen.has(hit.conversationId) || results.length >= limit) return;
    seen.add(hit.conversationId);
    const matched = hit.matched ?? "";
    results.push({
      conversationId: hit.conversationId,
      sessionId: hit.sessionId,
      state: hit.state,
      buyer: { id: hit.buyerId, nickname: hit.nickname, avatarUrl: hit.avatarUrl },
      matchedField: field,
      title: field === "nickname" ? highlightMatches(hit.nickname, q) : [{ text: hit.nickname, isMatch: false }],
      snippet:
        field === "order" ? [{ text: "Order ", isMatch: false }, ...highlightMatches(matched, q)]
        : field === "message" ? highlightMatches(matched, q, { maxLength: SNIPPET_LENGTH })
        : [],
      at: hit.atMs === null ? null : new Date(hit.atMs).toISOString(),
    });
  };
  for (const hit of orders) add(hit, "order");
  for (const hit of nicknames) add(hit, "nickname");
  for (const hit of messages) add(hit, "message");
  for (const hit of translations) add(hit, "message");
  return { query: q, results };
}
