// CONSOLE-5: the sort order is remembered per member (Member.sortOrder).
import type { SortOrder } from "@/core/console";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { loadSortOrder } from "./list-context";
import { toViewer } from "./scope";

export async function getConsolePreferences(db: Database, input: { member: MemberContext }): Promise<{ sortOrder: SortOrder }> {
  return { sortOrder: await loadSortOrder(db, toViewer(input.member)) };
}

export async function setSortOrder(db: Database, input: { member: MemberContext; sortOrder: SortOrder }): Promise<{ sortOrder: SortOrder }> {
  await db.member.update({ where: { id: input.member.memberId }, data: { sortOrder: input.sortOrder } });
  return { sortOrder: input.sortOrder };
}
