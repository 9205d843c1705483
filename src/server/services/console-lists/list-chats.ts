// CONSOLE-1, 2, 3, 5: one page of a chat list. Active lists (Assigned, Unassigned, All open) are
// bounded by capacity and the queue, so their sort key is computed per row and ordered in
// memory; History can hold years, so it walks the (assigneeId,) closedAt index instead.
// Buyer, preview, assignee and the unread dot are looked up for the page's rows only.
import { Prisma } from "@/generated/prisma/client";
import { computeSlaStatus } from "@/core/sla/sla";
import { AppError } from "@/core/errors";
import {
  computeSlaBoundaries,
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
import { loadListContext } from "./list-context";
import { categoryPredicate, epochMs, listPredicate, timestampParam, toViewer, unreadExpression, type Viewer } from "./scope";

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
  oldestUnansweredMs: number | null;
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
// every answered chat after every waiting one, and all of it is exact in a float8.
const ANSWERED_OFFSET_MS = 1e15;

function sortKeyExpression(sort: SortOrder): Prisma.Sql {
  const latestBuyer = epochMs(Prisma.sql`COALESCE(s."lastBuyerMessageAt", s."queuedAt")`);
  if (sort === "latest") return Prisma.sql`(-${latestBuyer})`;
  return Prisma.sql`(CASE WHEN s."oldestUnansweredAt" IS NOT NULL THEN ${epochMs(Prisma.sql`s."oldestUnansweredAt"`)}
    ELSE ${ANSWERED_OFFSET_MS}::float8 - ${latestBuyer} END)`;
}

function statusPredicate(status: StatusFilter | undefined, list: ConsoleList, viewer: Viewer, now: Date, threshold: number): Prisma.Sql {
  if (!status) return Prisma.sql`TRUE`;
  const isHistory = list === "history";
  const { overdueBefore, dueSoonBefore } = computeSlaBoundaries(now, threshold);
  switch (status) {
    case "overdue":
      // Closed sessions have no reply clock: nothing in History is overdue or due soon.
      return isHistory ? Prisma.sql`FALSE` : Prisma.sql`s."oldestUnansweredAt" < ${timestampParam(overdueBefore)}`;
    case "due_soon":
      return isHistory
        ? Prisma.sql`FALSE`
        : Prisma.sql`s."oldestUnansweredAt" >= ${timestampParam(overdueBefore)} AND s."oldestUnansweredAt" < ${timestampParam(dueSoonBefore)}`;
    case "unreplied":
      return Prisma.sql`s."oldestUnansweredAt" IS NOT NULL`;
    case "unread":
      return unreadExpression(viewer);
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
  const context = await loadListContext(db, viewer);
  const sort = input.sort ?? context.sortOrder;
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const isHistory = input.list === "history";

  const where = Prisma.sql`s."shopId" = ${viewer.shopId}::uuid
    AND ${listPredicate(input.list, viewer)}
    AND ${categoryPredicate(input.category ?? "all")}
    AND ${statusPredicate(input.status, input.list, viewer, now, context.dueSoonThresholdMinutes)}`;

  let pageSql: Prisma.Sql;
  if (isHistory) {
    const after = cursor
      ? Prisma.sql`AND (s."closedAt", s.id) < (${timestampParam(new Date(cursor.key))}, ${cursor.id}::uuid)`
      : Prisma.empty;
    pageSql = Prisma.sql`
      SELECT s.id, s."conversationId", s.state, s."assigneeId", s.category, s.starred, s."oldestUnansweredAt",
             s."lastBuyerMessageAt", s."closedAt", ${epochMs(Prisma.sql`s."closedAt"`)} AS "sortKey"
      FROM "ChatSession" s
      WHERE ${where} ${after}
      ORDER BY s."closedAt" DESC, s.id DESC
      LIMIT ${limit + 1}`;
  } else {
    const sortKey = sortKeyExpression(sort);
    const after = cursor ? Prisma.sql`AND (${sortKey}, s.id) > (${cursor.key}::float8, ${cursor.id}::uuid)` : Prisma.empty;
    pageSql = Prisma.sql`
      SELECT s.id, s."conversationId", s.state, s."assigneeId", s.category, s.starred, s."oldestUnansweredAt",
             s."lastBuyerMessageAt", s."closedAt", ${sortKey} AS "sortKey"
      FROM "ChatSession" s
      WHERE ${where} ${after}
      ORDER BY "sortKey", s.id
      LIMIT ${limit + 1}`;
  }

  const rows = await db.$queryRaw<ListRow[]>`
    WITH page AS MATERIALIZED (${pageSql})
    SELECT s.id, s."conversationId", s.state::text AS state, s."assigneeId", s.category::text AS category, s.starred,
           ${epochMs(Prisma.sql`s."oldestUnansweredAt"`)} AS "oldestUnansweredMs",
           ${epochMs(Prisma.sql`s."lastBuyerMessageAt"`)} AS "lastBuyerMessageMs",
           ${epochMs(Prisma.sql`s."closedAt"`)} AS "closedMs",
           s."sortKey",
           ${unreadExpression(viewer)} AS "isUnread",
           b.id AS "buyerId", b.nickname AS "buyerNickname", b."avatarUrl" AS "buyerAvatarUrl",
           m.nickname AS "assigneeNickname",
           c."lastMessagePreview", ${epochMs(Prisma.sql`c."lastMessageAt"`)} AS "lastMessageMs"
    FROM page s
    JOIN "Conversation" c ON c.id = s."conversationId"
    JOIN "Buyer" b ON b.id = c."buyerId"
    LEFT JOIN "Member" m ON m.id = s."assigneeId"
    ORDER BY ${isHistory ? Prisma.sql`s."sortKey" DESC, s.id DESC` : Prisma.sql`s."sortKey", s.id`}`;

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toItem(row, now, context.dueSoonThresholdMinutes)),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
    sort,
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toItem(row: ListRow, now: Date, dueSoonThresholdMinutes: number): ChatListItemDto {
  const isActive = row.state === "queued" || row.state === "open";
  const waitingSince = row.oldestUnansweredMs === null ? null : new Date(row.oldestUnansweredMs);
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
    isUnread: row.isUnread,
    category: row.category,
    starred: row.starred,
    slaStatus: isActive ? computeSlaStatus({ oldestUnansweredAt: waitingSince, now, dueSoonThresholdMinutes }) : null,
    closedAt: iso(row.closedMs),
  };
}
