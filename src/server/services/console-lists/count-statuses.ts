// CONSOLE-2: the live counts, in one SQL statement. The queued and open sessions the member may
// see are few (capacity bounds them) and come from the (shopId, state, ...) indexes; every
// status of every active list is a FILTER over that one scan. Closed chats are counted from an
// index alone. Nothing is loaded into the application. The statement also returns when time
// alone will next change a count (a chat becoming due soon or overdue), so the console can
// refetch exactly then instead of polling.
import { Prisma } from "@/generated/prisma/client";
import { computeSlaBoundaries, nextCountChangeAt, type CategoryFilter, type ListStatusCounts, type StatusCountsDto } from "@/core/console";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { loadListContext } from "./list-context";
import { activeScopePredicate, categoryPredicate, CLOSED_STATES, epochMs, timestampParam, toViewer, unreadExpression, type Viewer } from "./scope";

export interface CountStatusesInput {
  member: MemberContext;
  category?: CategoryFilter;
  now?: Date;
}

const STATUS_COLUMNS = ["total", "overdue", "dueSoon", "unreplied", "unread", "starred"] as const;
const LIST_PREFIXES = ["assigned", "unassigned", "all"] as const;

type CountsRow = Record<`${(typeof LIST_PREFIXES)[number]}_${(typeof STATUS_COLUMNS)[number]}`, number> & {
  closed: number;
  oldestOnTimeMs: number | null;
  oldestDueSoonMs: number | null;
};

export async function countStatuses(db: Database, input: CountStatusesInput): Promise<StatusCountsDto> {
  const viewer = toViewer(input.member);
  const now = input.now ?? new Date();
  const context = await loadListContext(db, viewer);
  const category = input.category ?? "all";
  const { overdueBefore, dueSoonBefore, windowMs } = computeSlaBoundaries(now, context.dueSoonThresholdMinutes);
  const overdue = timestampParam(overdueBefore);
  const dueSoon = timestampParam(dueSoonBefore);

  const lists: Record<(typeof LIST_PREFIXES)[number], Prisma.Sql> = {
    assigned: Prisma.sql`state = 'open' AND "assigneeId" = ${viewer.memberId}::uuid`,
    unassigned: Prisma.sql`state = 'queued'`,
    all: Prisma.sql`TRUE`,
  };
  const statuses: Record<(typeof STATUS_COLUMNS)[number], Prisma.Sql> = {
    total: Prisma.sql`TRUE`,
    overdue: Prisma.sql`oua < ${overdue}`,
    dueSoon: Prisma.sql`oua >= ${overdue} AND oua < ${dueSoon}`,
    unreplied: Prisma.sql`oua IS NOT NULL`,
    unread: Prisma.sql`unread`,
    starred: Prisma.sql`starred`,
  };
  const columns: Prisma.Sql[] = [];
  for (const list of LIST_PREFIXES) {
    for (const status of STATUS_COLUMNS) {
      columns.push(Prisma.sql`(count(*) FILTER (WHERE ${lists[list]} AND ${statuses[status]}))::int AS ${Prisma.raw(`"${list}_${status}"`)}`);
    }
  }

  const [row] = await db.$queryRaw<CountsRow[]>`
    WITH scope AS MATERIALIZED (
      SELECT s.state, s."assigneeId", s.starred, s."oldestUnansweredAt" AS oua, ${unreadExpression(viewer)} AS unread
      FROM "ChatSession" s
      WHERE s."shopId" = ${viewer.shopId}::uuid AND ${activeScopePredicate(viewer)} AND ${categoryPredicate(category)}
    )
    SELECT ${Prisma.join(columns, ", ")},
      ${epochMs(Prisma.sql`min(oua) FILTER (WHERE oua >= ${dueSoon})`)} AS "oldestOnTimeMs",
      ${epochMs(Prisma.sql`min(oua) FILTER (WHERE oua >= ${overdue} AND oua < ${dueSoon})`)} AS "oldestDueSoonMs",
      (${closedCountSql(viewer, category)}) AS closed
    FROM scope`;
  if (!row) throw new Error("count query returned no row");

  const pick = (list: (typeof LIST_PREFIXES)[number]): ListStatusCounts => ({
    total: row[`${list}_total`],
    overdue: row[`${list}_overdue`],
    dueSoon: row[`${list}_dueSoon`],
    unreplied: row[`${list}_unreplied`],
    unread: row[`${list}_unread`],
    starred: row[`${list}_starred`],
  });
  const nextChangeAt = nextCountChangeAt({
    oldestOnTime: row.oldestOnTimeMs === null ? null : new Date(row.oldestOnTimeMs),
    oldestDueSoon: row.oldestDueSoonMs === null ? null : new Date(row.oldestDueSoonMs),
    windowMs,
  });
  return {
    assigned: pick("assigned"),
    unassigned: pick("unassigned"),
    all: viewer.canSeeAll ? pick("all") : null,
    closed: row.closed,
    nextChangeAt: nextChangeAt?.toISOString() ?? null,
    countedAt: now.toISOString(),
  };
}

function closedCountSql(viewer: Viewer, category: CategoryFilter): Prisma.Sql {
  const mine = viewer.canSeeAll ? Prisma.empty : Prisma.sql`AND s."assigneeId" = ${viewer.memberId}::uuid`;
  return Prisma.sql`SELECT count(*)::int FROM "ChatSession" s
    WHERE s."shopId" = ${viewer.shopId}::uuid AND s.state IN ${CLOSED_STATES} ${mine} AND ${categoryPredicate(category)}`;
}
