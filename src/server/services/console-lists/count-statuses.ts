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

/** One group of the scope: sessions alike in everything the counts tell apart. */
interface ScopeGroup {
  state: string;
  /** Held by the member (an open session of theirs). */
  mine: boolean;
  /** 0: nothing to answer; 1: overdue; 2: due soon; 3: on time. */
  band: 0 | 1 | 2 | 3;
  unread: boolean;
  starred: boolean;
  n: number;
  /** The oldest reply clock in the group (epoch ms), for nextChangeAt. */
  oldestMs: number | null;
}

interface CountsRow {
  groups: ScopeGroup[] | null;
  closed: number;
  windowMinutes: number;
}

export async function countStatuses(db: Database, input: CountStatusesInput): Promise<StatusCountsDto> {
  const viewer = toViewer(input.member);
  const now = input.now ?? new Date();
  const category = input.category ?? "all";
  // The band boundaries of src/core/console/sla-buckets.ts; the threshold comes from cfg.
  const overdue = timestampParam(new Date(now.getTime() - OVERDUE_AFTER_MS));
  const dueSoon = dueSoonBeforeSql(new Date(now.getTime() - OVERDUE_AFTER_MS));

  // The scope's sessions are grouped by what tells the counts apart (a few dozen groups at
  // most), and every count of every list is summed from the groups here: one pass over the
  // scope instead of eighteen FILTERs evaluated on each of its rows.
  const [row] = await db.$queryRaw<CountsRow[]>`
    WITH ${listConfigCte(viewer)},
    scope AS MATERIALIZED (
      SELECT s.state, s."assigneeId", s.starred, ${slaClockSql("s")} AS oua, ${UNREAD_AFTER_READ_POSITION} AS unread
      FROM "ChatSession" s
      ${readPositionJoin(viewer)}
      WHERE s."shopId" = ${viewer.shopId}::uuid AND ${activeScopePredicate(viewer)} AND ${categoryPredicate(category)}
    ), grouped AS (
      SELECT state::text AS state, COALESCE(state = 'open' AND "assigneeId" = ${viewer.memberId}::uuid, FALSE) AS mine,
             CASE WHEN oua IS NULL THEN 0 WHEN oua < ${overdue} THEN 1 WHEN oua < ${dueSoon} THEN 2 ELSE 3 END AS band,
             unread, starred, count(*)::int AS n, ${epochMs(Prisma.sql`min(oua)`)} AS "oldestMs"
      FROM scope
      GROUP BY 1, 2, 3, 4, 5
    )
    SELECT (SELECT json_agg(grouped) FROM grouped) AS groups,
      (${closedCountSql(viewer, category)}) AS closed,
      (SELECT "windowMinutes" FROM cfg) AS "windowMinutes"`;
  if (!row) throw new Error("count query returned no row");

  const groups = row.groups ?? [];
  const inList: Record<"assigned" | "unassigned" | "all", (group: ScopeGroup) => boolean> = {
    assigned: (group) => group.mine,
    unassigned: (group) => group.state === "queued",
    all: () => true,
  };
  const pick = (list: keyof typeof inList): ListStatusCounts => {
    const counts: ListStatusCounts = { total: 0, overdue: 0, dueSoon: 0, unreplied: 0, unread: 0, starred: 0 };
    for (const group of groups) {
      if (!inList[list](group)) continue;
      counts.total += group.n;
      if (group.band === 1) counts.overdue += group.n;
      if (group.band === 2) counts.dueSoon += group.n;
      if (group.band !== 0) counts.unreplied += group.n;
      if (group.unread) counts.unread += group.n;
      if (group.starred) counts.starred += group.n;
    }
    return counts;
  };
  const oldestIn = (band: ScopeGroup["band"]) => {
    const clocks = groups.filter((group) => group.band === band && group.oldestMs !== null).map((group) => group.oldestMs!);
    return clocks.length === 0 ? null : new Date(Math.min(...clocks));
  };
  const nextChangeAt = nextCountChangeAt({
    oldestOnTime: oldestIn(3),
    oldestDueSoon: oldestIn(2),
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
