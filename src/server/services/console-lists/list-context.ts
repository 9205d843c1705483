// What every list and count needs besides the member: the shop's due-soon threshold (SET-6) and
// the member's remembered sort order (CONSOLE-5). Lists and counts read them inside their one
// statement (the `cfg` CTE), so that each answer costs a single round trip.
import { Prisma } from "@/generated/prisma/client";
import { DEFAULT_SORT_ORDER, isSortOrder, type SortOrder } from "@/core/console";
import { DEFAULT_DUE_SOON_THRESHOLD_MINUTES, OVERDUE_AFTER_MS } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import { timestampParam, type Viewer } from "./scope";

const DAY_MINUTES = OVERDUE_AFTER_MS / 60_000;

/**
 * CTE `cfg` with "windowMinutes" (the due-soon threshold clamped to 0..24 h, as computeSlaStatus
 * clamps it) and "sortOrder" (`sort` when given, else the member's remembered order).
 */
export function listConfigCte(viewer: Viewer, sort: SortOrder | null = null): Prisma.Sql {
  return Prisma.sql`cfg AS MATERIALIZED (
    SELECT LEAST(GREATEST(COALESCE(
             (SELECT "dueSoonThresholdMinutes" FROM "ShopSettings" WHERE "shopId" = ${viewer.shopId}::uuid),
             ${DEFAULT_DUE_SOON_THRESHOLD_MINUTES}), 0), ${DAY_MINUTES})::int AS "windowMinutes",
           COALESCE(${sort}::text, (SELECT "sortOrder" FROM "Member" WHERE id = ${viewer.memberId}::uuid), ${DEFAULT_SORT_ORDER}) AS "sortOrder"
  )`;
}

/** The end of the due-soon band (src/core/console/sla-buckets.ts) in SQL, from the cfg CTE. */
export function dueSoonBeforeSql(overdueBefore: Date): Prisma.Sql {
  return Prisma.sql`(${timestampParam(overdueBefore)} + (SELECT "windowMinutes" FROM cfg) * interval '1 minute')`;
}

export function toSortOrder(value: string | null | undefined): SortOrder {
  return value && isSortOrder(value) ? value : DEFAULT_SORT_ORDER;
}

export async function loadSortOrder(db: Database, viewer: Viewer): Promise<SortOrder> {
  const [row] = await db.$queryRaw<Array<{ sortOrder: string }>>`WITH ${listConfigCte(viewer)} SELECT "sortOrder" FROM cfg`;
  return toSortOrder(row?.sortOrder);
}
