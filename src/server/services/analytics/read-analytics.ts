// ANALYTICS-1..4: the figures of a date range in the shop's time zone, with the previous period
// for the cards' change, the daily series and the per-agent table. Owners and admins
// (analytics:read) see the shop and every agent; everyone else (analytics:read_own) sees only
// the figures credited to them: the same computation, scoped to one member, so an agent's
// summary is exactly their row in the owner's table.
import {
  dayRange,
  daysOf,
  isValidTimeZone,
  presetRange,
  previousRange,
  reportFromBuckets,
  summaryFromBuckets,
  type DayOwnerBucket,
  type DayRange,
  type LocalDay,
  type ReadOwnerBucket,
} from "@/core/analytics";
import { AppError } from "@/core/errors";
import { assertCan, can } from "@/core/permissions";
import type { Database } from "@/server/db/client";
import type { MemberContext } from "@/server/services/resolve-member";
import { REMOVED_MEMBER_ID } from "@/server/services/analytics/facts-sql";
import { loadDayBuckets } from "@/server/services/analytics/day-rollups";
import { analyticsQuerySchema, type AnalyticsDto, type AnalyticsQuery } from "@/shared/analytics";

export interface ShopClock {
  timeZone: string;
  currency: string;
}

export async function loadShopClock(db: Database, shopId: string): Promise<ShopClock> {
  const shop = await db.shop.findUnique({ where: { id: shopId }, select: { timeZone: true, currency: true } });
  if (!shop) throw new AppError("NOT_FOUND", "That shop was not found.");
  // A zone Intl does not know (a bad import) falls back to UTC rather than failing every figure.
  return { timeZone: isValidTimeZone(shop.timeZone) ? shop.timeZone : "UTC", currency: shop.currency };
}

/** The range a query names: its custom days, else its preset (7 days by default), in the shop's zone. */
export function resolveRange(query: AnalyticsQuery, timeZone: string, now: Date): DayRange {
  if (query.from && query.to) return dayRange(query.from, query.to, timeZone);
  return presetRange(query.preset ?? "7d", now.getTime(), timeZone);
}

/**
 * The buckets of a range's days for the shop, or only those credited to `onlyMemberId`. A
 * bucket whose member is no longer in the shop is credited to "Removed member" (a stored day
 * keeps the id it was computed with).
 */
function rangeBuckets(
  range: DayRange,
  byDay: ReadonlyMap<LocalDay, ReadOwnerBucket[]>,
  shopMemberIds: ReadonlySet<string>,
  onlyMemberId?: string,
): DayOwnerBucket[] {
  return daysOf(range).flatMap((day) =>
    (byDay.get(day) ?? [])
      .filter(({ owner }) => onlyMemberId === undefined || owner === onlyMemberId)
      .map(({ owner, sums }) => ({ day, owner: owner === null || shopMemberIds.has(owner) ? owner : REMOVED_MEMBER_ID, sums })),
  );
}

/** The analytics of a range for the shop as a whole (API tokens, owners, admins), or for one member. */
export async function buildAnalytics(
  db: Database,
  input: { shopId: string; query: AnalyticsQuery; now: Date; onlyMemberId?: string },
): Promise<AnalyticsDto> {
  const clock = await loadShopClock(db, input.shopId);
  const range = resolveRange(input.query, clock.timeZone, input.now);
  const previous = previousRange(range, clock.timeZone);
  const [byDay, members] = await Promise.all([
    loadDayBuckets(db, { shopId: input.shopId, timeZone: clock.timeZone, currency: clock.currency, ranges: [previous, range], nowMs: input.now.getTime() }),
    db.member.findMany({ where: { shopId: input.shopId }, select: { id: true, nickname: true } }),
  ]);
  const nicknames = new Map(members.map((member) => [member.id, member.nickname]));
  const memberIds = new Set(nicknames.keys());
  const current = reportFromBuckets(range, rangeBuckets(range, byDay, memberIds, input.onlyMemberId));
  const before = summaryFromBuckets(rangeBuckets(previous, byDay, memberIds, input.onlyMemberId).map(({ sums }) => sums));
  return {
    scope: input.onlyMemberId ? "own" : "shop",
    timeZone: clock.timeZone,
    currency: clock.currency,
    range: { firstDay: range.firstDay, lastDay: range.lastDay, from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString() },
    previousRange: { firstDay: previous.firstDay, lastDay: previous.lastDay },
    summary: current.summary,
    previousSummary: before,
    daily: current.daily,
    perAgent: current.perAgent.map((row) => ({
      memberId: row.memberId,
      nickname: row.memberId === null ? "Unassigned" : row.memberId === REMOVED_MEMBER_ID ? "Removed member" : (nicknames.get(row.memberId) ?? "Removed member"),
      figures: row.figures,
    })),
    generatedAt: input.now.toISOString(),
  };
}

/**
 * The member's view: the shop's figures with analytics:read, otherwise their own
 * (analytics:read_own). The query is parsed here too, so no caller can skip the range bound.
 */
export async function readAnalytics(
  db: Database,
  input: { actor: MemberContext; query: unknown; now?: Date },
): Promise<AnalyticsDto> {
  assertCan(input.actor, "analytics:read_own");
  const parsed = analyticsQuerySchema.safeParse(input.query ?? {});
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "query"] ??= []).push(issue.message);
    throw new AppError("BAD_INPUT", "The date range is not valid.", fieldErrors);
  }
  const seesShop = can(input.actor, "analytics:read");
  return buildAnalytics(db, {
    shopId: input.actor.shopId,
    query: parsed.data,
    now: input.now ?? new Date(),
    onlyMemberId: seesShop ? undefined : input.actor.memberId,
  });
}
