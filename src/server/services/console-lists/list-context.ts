// What every list and count needs besides the member: the shop's due-soon threshold (SET-6) and
// the member's remembered sort order (CONSOLE-5), read in one round trip.
import { DEFAULT_SORT_ORDER, isSortOrder, type SortOrder } from "@/core/console";
import { DEFAULT_DUE_SOON_THRESHOLD_MINUTES } from "@/core/sla/sla";
import type { Database } from "@/server/db/client";
import type { Viewer } from "./scope";

export interface ListContext {
  dueSoonThresholdMinutes: number;
  sortOrder: SortOrder;
}

export async function loadListContext(db: Database, viewer: Viewer): Promise<ListContext> {
  const [row] = await db.$queryRaw<Array<{ threshold: number | null; sortOrder: string | null }>>`
    SELECT (SELECT "dueSoonThresholdMinutes" FROM "ShopSettings" WHERE "shopId" = ${viewer.shopId}::uuid) AS threshold,
           (SELECT "sortOrder" FROM "Member" WHERE id = ${viewer.memberId}::uuid) AS "sortOrder"`;
  const sortOrder = row?.sortOrder ?? DEFAULT_SORT_ORDER;
  return {
    dueSoonThresholdMinutes: row?.threshold ?? DEFAULT_DUE_SOON_THRESHOLD_MINUTES,
    sortOrder: isSortOrder(sortOrder) ? sortOrder : DEFAULT_SORT_ORDER,
  };
}
