-- Issue 11 item 5: daily rollups of the analytics buckets (docs/analytics.md "Fast on history").
-- A range reads its past days from "AnalyticsDayRollup" and computes only the days missing there
-- (src/server/services/analytics/day-rollups.ts). The triggers below keep the rollups honest:
-- every insert, update or delete of a fact deletes the rollups of the days that fact counts on,
-- in the fact's own transaction.
--
-- Why the advisory locks: a reader computes a day from the facts it sees and then stores it; a
-- writer whose fact commits in between would delete nothing (the rollup is not there yet) and
-- the stored day would miss that fact for good. So a writer holds a shared lock on each UTC day
-- its fact counts on (shared: writers never wait for each other) until it commits, and a reader
-- stores a day only when it got the exclusive lock on every UTC day the shop day overlaps, with
-- pg_try_advisory_xact_lock, before it read the facts: no writer of those days is then in
-- flight, and any later one waits for the reader's commit and then deletes what it stored. A
-- reader never waits, so no deadlock can form. Keys are (hashtext(shop id), UTC day number), the
-- two-int advisory key space (the product's other advisory locks use one bigint key).

-- CreateTable
CREATE TABLE "AnalyticsDayRollup" (
    "shopId" UUID NOT NULL,
    "timeZone" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dayStart" TIMESTAMP(3) NOT NULL,
    "dayEnd" TIMESTAMP(3) NOT NULL,
    "buckets" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalyticsDayRollup_pkey" PRIMARY KEY ("shopId","timeZone","currency","day")
);

-- CreateIndex
CREATE INDEX "AnalyticsDayRollup_shopId_dayStart_idx" ON "AnalyticsDayRollup"("shopId", "dayStart");

-- AddForeignKey
ALTER TABLE "AnalyticsDayRollup" ADD CONSTRAINT "AnalyticsDayRollup_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Deletes the rollups of every shop day that overlaps [first_at, last_at] (UTC instants), after
-- taking the shared lock of each UTC day in it. A shop day lasts at most 25 hours, so one that
-- overlaps first_at started less than two days before it.
CREATE FUNCTION analytics_forget_rollups(shop UUID, first_at TIMESTAMP, last_at TIMESTAMP) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  shop_key INTEGER := hashtext(shop::text);
  utc_day INTEGER;
BEGIN
  IF first_at IS NULL THEN
    RETURN;
  END IF;
  FOR utc_day IN floor(extract(epoch FROM first_at) / 86400)::integer .. floor(extract(epoch FROM last_at) / 86400)::integer LOOP
    PERFORM pg_advisory_xact_lock_shared(shop_key, utc_day);
  END LOOP;
  DELETE FROM "AnalyticsDayRollup"
  WHERE "shopId" = shop AND "dayStart" <= last_at AND "dayStart" > first_at - interval '2 days' AND "dayEnd" > first_at;
END $$;

-- A session fact counts on the day it opened (response figures), ended (resolution) and was
-- rated (satisfaction).
CREATE FUNCTION analytics_session_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM analytics_forget_rollups(OLD."shopId", OLD."openedAt", OLD."openedAt");
    PERFORM analytics_forget_rollups(OLD."shopId", OLD."closedAt", OLD."closedAt");
    PERFORM analytics_forget_rollups(OLD."shopId", OLD."ratedAt", OLD."ratedAt");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM analytics_forget_rollups(NEW."shopId", NEW."openedAt", NEW."openedAt");
    PERFORM analytics_forget_rollups(NEW."shopId", NEW."closedAt", NEW."closedAt");
    PERFORM analytics_forget_rollups(NEW."shopId", NEW."ratedAt", NEW."ratedAt");
  END IF;
  RETURN NULL;
END $$;

-- A reply span counts on every day from its first reply to its last.
CREATE FUNCTION analytics_reply_span_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM analytics_forget_rollups(OLD."shopId", OLD."firstAt", OLD."lastAt");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM analytics_forget_rollups(NEW."shopId", NEW."firstAt", NEW."lastAt");
  END IF;
  RETURN NULL;
END $$;

-- An order fact counts on the day of the reply it is attributed to.
CREATE FUNCTION analytics_order_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM analytics_forget_rollups(OLD."shopId", OLD."replyAt", OLD."replyAt");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM analytics_forget_rollups(NEW."shopId", NEW."replyAt", NEW."replyAt");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_session_fact_forget_rollups AFTER INSERT OR UPDATE OR DELETE ON "AnalyticsSessionFact"
  FOR EACH ROW EXECUTE FUNCTION analytics_session_fact_forget_rollups();
CREATE TRIGGER analytics_reply_span_forget_rollups AFTER INSERT OR UPDATE OR DELETE ON "AnalyticsReplySpan"
  FOR EACH ROW EXECUTE FUNCTION analytics_reply_span_forget_rollups();
CREATE TRIGGER analytics_order_fact_forget_rollups AFTER INSERT OR UPDATE OR DELETE ON "AnalyticsOrderFact"
  FOR EACH ROW EXECUTE FUNCTION analytics_order_fact_forget_rollups();
