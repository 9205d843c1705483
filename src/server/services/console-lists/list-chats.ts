// CONSOLE-1, 2, 3, 5: one page of a chat list. Active lists (Assigned, Unassigned, All open) are
// bounded by capacity and the queue, so their sort key is computed per row and ordered in
// memory; History can hold years, so it walks the (assigneeId,) closedAt index instead.
// Buyer, preview, assignee and the unread dot are looked up for the page's rows only.
import { Prisma } from "@/generated/prisma/client";
import { computeSlaStatus, DEFAULT_DUE_SOON_THRESHOLD_MINUTES, OVERDUE_AFTER_MS, slaClockStart } from "@/core/sla/sla";
import { AppError } from "@/core/errors";
import {
  type CategoryFilter,
  type ChatListItemDto,
  type ChatListPageDto,
  type ConsoleList,
  type SortOrder,
  type StatusFilter,
} from "@/core/console";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { decodeCursor, encodeCursor } from "./cursor";
import { dueSoonBeforeSql, listConfigCte, toSortOrder } from "./list-context";
import { categoryPredicate, epochMs, listPredicate, readPositionJoin, slaClockSql, timestampParam, toViewer, UNREAD_AFTER_READ_POSITION } from "./scope";

export const LIST_PAGE_SIZE = 30;
export const LIST_PAGE_SIZE_MAX = 200;

export interface ListChatsInput {
  member: MemberContext;
  list: ConsoleList;
  status?: StatusFilter;
  category?: CategoryFilter;
  /** Omitted: the member's remembered order. Ignored by History (most recently closed first). */
  sort?: SortOrder;
  cursor?: string;
  limit?: number;
  now?: Date;
}

interface ListRow {
  id: string;
  conversationId: string;
  state: ChatListItemDto["state"];
  assigneeId: string | null;
  category: ChatListItemDto["category"];
  starred: boolean;
  rating: number | null;
  oldestUnansweredMs: number | null;
  botActive: boolean;
  handedOverMs: number | null;
  lastBuyerMessageMs: number | null;
  closedMs: number | null;
  sortKey: number;
  isUnread: boolean;
  buyerId: string;
  buyerNickname: string;
  buyerAvatarUrl: string | null;
  assigneeNickname: string | null;
  lastMessagePreview: string | null;
  lastMessageMs: number | null;
}

// Waiting time: the longest wait first; chats with nothing unanswered after them, latest buyer
// message first. One number keeps the keyset simple: epoch ms is ~1.7e12, so 1e15 minus it sorts
// every answered chat after every waiting one, and all of it is exact in a float8. The two keys
// are written exactly as the expression indexes of migration 20261208000200 state them (a
// constant, not a parameter), so that an active list walks its index and stops at the page.
const ANSWERED_OFFSET = Prisma.raw("1000000000000000::float8");
/** Waiting-time keys below this are waiting chats (their epoch ms); answered ones are above. */
const WAITING_KEY_LIMIT = Prisma.raw("500000000000000::float8");

const latestBuyerMs = (alias: string) => epochMs(Prisma.sql`COALESCE(${Prisma.raw(alias)}."lastBuyerMessageAt", ${Prisma.raw(alias)}."queuedAt")`);

/** The sort key of "waiting_time" for the session row `alias`. */
export function waitingSortKeySql(alias: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${slaClockSql(alias)} IS NOT NULL THEN ${epochMs(slaClockSql(alias))} ELSE ${ANSWERED_OFFSET} - ${latestBuyerMs(alias)} END)`;
}

/** The sort key of "latest" for the session row `alias`. */
export function latestSortKeySql(alias: string): Prisma.Sql {
  return Prisma.sql`(- ${latestBuyerMs(alias)})`;
}

/**
 * For the waiting-time order, the SLA bands as ranges of its key (the same rows as the status
 * predicate, which stays in the query): the index walk starts and stops at the band.
 */
function waitingKeyRange(status: StatusFilter | undefined, now: Date): Prisma.Sql {
  const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_MS);
  const key = waitingSortKeySql("s");
  switch (status) {
    case "overdue":
      return Prisma.sql`AND ${key} < ${epochMs(timestampParam(overdueBefore))}`;
    case "due_soon":
      return Prisma.sql`AND ${key} >= ${epochMs(timestampParam(overdueBefore))} AND ${key} < ${epochMs(dueSoonBeforeSql(overdueBefore))}`;
    case "unreplied":
      return Prisma.sql`AND ${key} < ${WAITING_KEY_LIMIT}`;
    default:
      return Prisma.empty;
  }
}

function statusPredicate(status: StatusFilter | undefined, list: ConsoleList, now: Date): Prisma.Sql {
  if (!status) return Prisma.sql`TRUE`;
  const isHistory = list === "history";
  // The band boundaries of src/core/console/sla-buckets.ts; the threshold comes from cfg.
  const overdueBefore = new Date(now.getTime() - OVERDUE_AFTER_MS);
  switch (status) {
    case "overdue":
      // Closed sessions have no reply clock: nothing in History is overdue or due soon.
      return isHistory ? Prisma.sql`FALSE` : Prisma.sql`${slaClockSql("s")} < ${timestampParam(overdueBefore)}`;
    case "due_soon":
      return isHistory
        ? Prisma.sql`FALSE`
        : Prisma.sql`${slaClockSql("s")} >= ${timestampParam(overdueBefore)} AND ${slaClockSql("s")} < ${dueSoonBeforeSql(overdueBefore)}`;
    case "unreplied":
      return Prisma.sql`${slaClockSql("s")} IS NOT NULL`;
    case "unread":
      return UNREAD_AFTER_READ_POSITION;
    case "starred":
      return Prisma.sql`s.starred`;
    case "closed":
      // "Closed" is the History list; an active list has no closed chats.
      return isHistory ? Prisma.sql`TRUE` : Prisma.sql`FALSE`;
  }
}

export async function listChats(db: Database, input: ListChatsInput): Promise<ChatListPageDto> {
  const viewer = toViewer(input.member);
  if (input.list === "all" && !viewer.canSeeAll) {
    throw new AppError("FORBIDDEN", "Your role may not see every open chat in the shop (the All open list).");
  }
  const now = input.now ?? new Date();
  const limit = Math.min(Math.max(input.limit ?? LIST_PAGE_SIZE, 1), LIST_PAGE_SIZE_MAX);
  const isHistory = input.list === "history";
  const cursor = input.cursor ? decodeCursor(input.cursor, isHistory ? "epoch-ms" : "sort-key") : null;

  const where = Prisma.sql`s."shopId" = ${viewer.shopId}::uuid
    AND ${listPredicate(input.list, viewer)}
    AND ${categoryPredicate(input.category ?? "all")}
    AND ${statusPredicate(input.status, input.list, now)}`;

  let pageSql: Prisma.Sql;
  if (isHistory) {
    const after = cursor
      ? Prisma.sql`AND (s."closedAt", s.id) < (${timestampParam(new Date(cursor.key))}, ${cursor.id}::uuid)`
      : Prisma.empty;
    pageSql = Prisma.sql`
      SELECT s.id, s."conversationId", s.state, s."assigneeId", s.category, s.starred, s.rating, s."oldestUnansweredAt",
             s."botActive", s."handedOverAt", s."lastBuyerMessageAt", s."closedAt", ${epochMs(Prisma.sql`s."closedAt"`)} AS "sortKey"
      FROM "ChatSession" s
      ${readPositionJoin(viewer)}
      WHERE ${where} ${after}
      ORDER BY s."closedAt" DESC, s.id DESC
      LIMIT ${limit + 1}`;
  } else {
    // One branch per order, each walking its index; without an explicit sort the member's
    // remembered one (cfg) switches one branch off before it runs (a one-time filter).
    const branch = (order: SortOrder) => {
      const sortKey = order === "latest" ? latestSortKeySql("s") : waitingSortKeySql("s");
      const after = cursor ? Prisma.sql`AND (${sortKey}, s.id) > (${cursor.key}::float8, ${cursor.id}::uuid)` : Prisma.empty;
      const chosen = input.sort ? Prisma.empty : Prisma.sql`AND ${order === "latest" ? Prisma.empty : Prisma.sql`NOT`} (SELECT "sortOrder" = 'latest' FROM cfg)`;
      return Prisma.sql`(
      SELECT s.id, s."conversationId", s.state, s."assigneeId", s.category, s.starred, s.rating, s."oldestUnansweredAt",
             s."botActive", s."handedOverAt", s."lastBuyerMessageAt", s."closedAt", ${sortKey} AS "sortKey"
      FROM "ChatSession" s
      ${readPositionJoin(viewer)}
      WHERE ${where} ${order === "latest" ? Prisma.empty : waitingKeyRange(input.status, now)} ${after} ${chosen}
      ORDER BY ${sortKey}, s.id
      LIMIT ${limit + 1})`;
    };
    pageSql = input.sort
      ? branch(input.sort)
      : Prisma.sql`${branch("waiting_time")} UNION ALL ${branch("latest")}`;
  }

  // One statement: settings, the page, and what each item shows. A page with no items still
  // returns one row (the cfg columns), so the applied sort order is always known.
  const rows = await db.$queryRaw<Array<Partial<ListRow> & { windowMinutes: number; sortOrder: string }>>`
    WITH ${listConfigCte(viewer, input.sort ?? null)},
    page AS MATERIALIZED (${pageSql})
    SELECT cfg."windowMinutes", cfg."sortOrder", items.*
    FROM cfg
    LEFT JOIN (
      SELECT s.id, s."conversationId", s.state::text AS state, s."assigneeId", s.category::text AS category, s.starred, s.rating,
             ${epochMs(Prisma.sql`s."oldestUnansweredAt"`)} AS "oldestUnansweredMs",
             s."botActive", ${epochMs(Prisma.sql`s."handedOverAt"`)} AS "handedOverMs",
             ${epochMs(Prisma.sql`s."lastBuyerMessageAt"`)} AS "lastBuyerMessageMs",
             ${epochMs(Prisma.sql`s."closedAt"`)} AS "closedMs",
             s."sortKey",
             ${UNREAD_AFTER_READ_POSITION} AS "isUnread",
             b.id AS "buyerId", b.nickname AS "buyerNickname", b."avatarUrl" AS "buyerAvatarUrl",
             m.nickname AS "assigneeNickname",
             c."lastMessagePreview", ${epochMs(Prisma.sql`c."lastMessageAt"`)} AS "lastMessageMs"
      FROM page s
      ${readPositionJoin(viewer)}
      JOIN "Conversation" c ON c.id = s."conversationId"
      JOIN "Buyer" b ON b.id = c."buyerId"
      LEFT JOIN "Member" m ON m.id = s."assigneeId"
    ) items ON TRUE
    ORDER BY ${isHistory ? Prisma.sql`items."sortKey" DESC, items.id DESC` : Prisma.sql`items."sortKey", items.id`}`;

  const settings = rows[0];
  const threshold = settings?.windowMinutes ?? DEFAULT_DUE_SOON_THRESHOLD_MINUTES;
  const found = rows.filter((row): row is ListRow & { windowMinutes: number; sortOrder: string } => typeof row.id === "string");
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toItem(row, now, threshold)),
    nextCursor: found.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
    sort: toSortOrder(settings?.sortOrder),
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toItem(row: ListRow, now: Date, dueSoonThresholdMinutes: number): ChatListItemDto {
  const isActive = row.state === "queued" || row.state === "open";
  // AUTO-5: the people's clock, which never counts the bot's time (the SQL above agrees).
  const waitingSince = slaClockStart({
    oldestUnansweredAt: row.oldestUnansweredMs === null ? null : new Date(row.oldestUnansweredMs),
    botActive: row.botActive,
    handedOverAt: row.handedOverMs === null ? null : new Date(row.handedOverMs),
  });
  const withBot = isActive && row.botActive && row.state === "queued" && row.assigneeId === null;
  return {
    conversationId: row.conversationId,
    sessionId: row.id,
    state: row.state,
    buyer: { id: row.buyerId, nickname: row.buyerNickname, avatarUrl: row.buyerAvatarUrl },
    assignee: row.assigneeId && row.assigneeNickname !== null ? { id: row.assigneeId, nickname: row.assigneeNickname } : null,
    lastMessagePreview: row.lastMessagePreview,
    lastMessageAt: iso(row.lastMessageMs),
    lastBuyerMessageAt: iso(row.lastBuyerMessageMs),
    waitingSince: waitingSince?.toISOString() ?? null,
    isNotReplied: waitingSince !== null,
    withBot,
    isUnread: row.isUnread,
    category: row.category,
    starred: row.starred,
    rating: row.rating,
    slaStatus: isActive ? computeSlaStatus({ oldestUnansweredAt: waitingSince, now, dueSoonThresholdMinutes }) : null,
    closedAt: iso(row.closedMs),
  };
}
