// CONSOLE-2: the live counts, in one SQL statement. The queued and open sessions the member may
// see are few (capacity bounds them) and come from the (shopId, state, ...) indexes; every
// status of every active list is a FILTER over that one scan. Closed chats grow without bound
// (years of history), so they are counted up to CLOSED_COUNT_CAP from an index and shown as
// "999+" beyond; the History list still pages through all of them. Nothing is loaded into the
// application. The statement also returns when time
// alone will next change a count (a chat becoming due soon or overdue), so the console can
// refetch exactly then instead of polling.
import { Prisma } from "@/generated/prisma/client";
import { nextCountChangeAt, type CategoryFilter, type ListStatusCounts, type StatusCountsDto } from "@/core/console";
import { OVERDUE_AFTER_MS } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { dueSoonBeforeSql, listConfigCte } from "./list-context";
import { activeScopePredicate, categoryPredicate, CLOSED_STATES, epochMs, readPositionJoin, slaClockSql, timestampParam, toViewer, UNREAD_AFTER_READ_POSITION, type Viewer } from "./scope";

export interface CountStatusesInput {
  member: MemberContext;
  category?: CategoryFilter;
  now?: Date;
}

/** Closed chats are counted up to this many; `closedIsCapped` says there are more. */
export const CLOSED_COUNT_CAP = 999;

const STATUS_COLUMNS = ["total", "overdue", "dueSoon", "unreplied", "unread", "starred"] as const;
const LIST_PREFIXES = ["assigned", "unassigned", "all"] as const;

type CountsRow = Record<`${(typeof LIST_PREFIXES)[number]}_${(typeof STATUS_COLUMNS)[number]}`, number> & {
  closed: number;
  windowMinutes: number;
  oldestOnTimeMs: number | null;
  oldestDueSoonMs: number | null;
};

export async function countStatuses(db: Database, input: CountStatusesInput): Promise<StatusCountsDto> {
  const viewer = toViewer(input.member);
  const now = input.now ?? new Date();
  const category = input.category ?? "all";
  // The band boundaries of src/core/console/sla-buckets.ts; the threshold comes from cfg.
  const overdue = timestampParam(new Date(now.getTime() - OVERDUE_AFTER_MS));
  const dueSoon = dueSoonBeforeSql(new Date(now.getTime() - OVERDUE_AFTER_MS));

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
    WITH ${listConfigCte(viewer)},
    scope AS MATERIALIZED (
      SELECT s.state, s."assigneeId", s.starred, ${slaClockSql("s")} AS oua, ${UNREAD_AFTER_READ_POSITION} AS unread
      FROM "ChatSession" s
      ${readPositionJoin(viewer)}
      WHERE s."shopId" = ${viewer.shopId}::uuid AND ${activeScopePredicate(viewer)} AND ${categoryPredicate(category)}
    )
    SELECT ${Prisma.join(columns, ", ")},
      ${epochMs(Prisma.sql`min(oua) FILTER (WHERE oua >= ${dueSoon})`)} AS "oldestOnTimeMs",
      ${epochMs(Prisma.sql`min(oua) FILTER (WHERE oua >= ${overdue} AND oua < ${dueSoon})`)} AS "oldestDueSoonMs",
      (${closedCountSql(viewer, category)}) AS closed,
      (SELECT "windowMinutes" FROM cfg) AS "windowMinutes"
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
    windowMs: row.windowMinutes * 60_000,
  });
  return {
    assigned: pick("assigned"),
    unassigned: pick("unassigned"),
    all: viewer.canSeeAll ? pick("all") : null,
    closed: Math.min(row.closed, CLOSED_COUNT_CAP),
    closedIsCapped: row.closed > CLOSED_COUNT_CAP,
    nextChangeAt: nextChangeAt?.toISOString() ?? null,
    countedAt: now.toISOString(),
  };
}

function closedCountSql(viewer: Viewer, category: CategoryFilter): Prisma.Sql {
  const mine = viewer.canSeeAll ? Prisma.empty : Prisma.sql`AND s."assigneeId" = ${viewer.memberId}::uuid`;
  return Prisma.sql`SELECT count(*)::int FROM (
      SELECT 1 FROM "ChatSession" s
      WHERE s."shopId" = ${viewer.shopId}::uuid AND s.state IN ${CLOSED_STATES} ${mine} AND ${categoryPredicate(category)}
      LIMIT ${CLOSED_COUNT_CAP + 1}) AS capped`;
}
