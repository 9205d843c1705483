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

-- Deletes the rollups of every shop day that overlaps one of the instant ranges
-- [first_at, last_at] (UTC) of the given shops, after taking the shared lock of each UTC day in
-- them. A shop day lasts at most 25 hours, so one that overlaps first_at started less than two
-- days before it. Called once per statement with every changed row (a drain writes a thousand
-- session facts in one statement): one lock per distinct (shop, UTC day), one DELETE.
CREATE FUNCTION analytics_forget_rollups(shops UUID[], firsts TIMESTAMP[], lasts TIMESTAMP[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext(days.shop::text), days.utc_day)
  FROM (
    SELECT DISTINCT t.shop, generate_series(floor(extract(epoch FROM t.first_at) / 86400)::integer, floor(extract(epoch FROM t.last_at) / 86400)::integer) AS utc_day
    FROM unnest(shops, firsts, lasts) AS t(shop, first_at, last_at)
    WHERE t.first_at IS NOT NULL
  ) days;
  DELETE FROM "AnalyticsDayRollup" r
  USING unnest(shops, firsts, lasts) AS t(shop, first_at, last_at)
  WHERE t.first_at IS NOT NULL AND r."shopId" = t.shop
    AND r."dayStart" <= t.last_at AND r."dayStart" > t.first_at - interval '2 days' AND r."dayEnd" > t.first_at;
END $$;

-- The statement-level triggers below see the changed rows as transition tables: old_rows
-- (UPDATE, DELETE) and new_rows (INSERT, UPDATE). PostgreSQL allows transition tables only on a
-- trigger for one event, hence three triggers per table; one function serves all three and
-- reads only the tables its event has. An update that changed nothing (an upsert that wrote the
-- same row) forgets nothing.

-- A session fact counts on the day it opened (response figures), ended (resolution) and was
-- rated (satisfaction).
CREATE FUNCTION analytics_session_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollups(array_agg(f."shopId"), array_agg(f.at), array_agg(f.at))
    FROM new_rows n CROSS JOIN LATERAL (VALUES (n."shopId", n."openedAt"), (n."shopId", n."closedAt"), (n."shopId", n."ratedAt")) AS f("shopId", at);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollups(array_agg(f."shopId"), array_agg(f.at), array_agg(f.at))
    FROM old_rows o CROSS JOIN LATERAL (VALUES (o."shopId", o."openedAt"), (o."shopId", o."closedAt"), (o."shopId", o."ratedAt")) AS f("shopId", at);
  ELSE
    PERFORM analytics_forget_rollups(array_agg(f."shopId"), array_agg(f.at), array_agg(f.at))
    FROM new_rows n JOIN old_rows o ON o."sessionId" = n."sessionId" AND o IS DISTINCT FROM n
    CROSS JOIN LATERAL (VALUES
      (o."shopId", o."openedAt"), (o."shopId", o."closedAt"), (o."shopId", o."ratedAt"),
      (n."shopId", n."openedAt"), (n."shopId", n."closedAt"), (n."shopId", n."ratedAt")) AS f("shopId", at);
  END IF;
  RETURN NULL;
END $$;

-- A reply span counts on every day from its first reply to its last.
CREATE FUNCTION analytics_reply_span_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollups(array_agg(n."shopId"), array_agg(n."firstAt"), array_agg(n."lastAt")) FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollups(array_agg(o."shopId"), array_agg(o."firstAt"), array_agg(o."lastAt")) FROM old_rows o;
  ELSE
    PERFORM analytics_forget_rollups(array_agg(f."shopId"), array_agg(f.first_at), array_agg(f.last_at))
    FROM (SELECT "shopId", "firstAt" AS first_at, "lastAt" AS last_at FROM old_rows
          UNION ALL SELECT "shopId", "firstAt", "lastAt" FROM new_rows) f;
  END IF;
  RETURN NULL;
END $$;

-- An order fact counts on the day of the reply it is attributed to.
CREATE FUNCTION analytics_order_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollups(array_agg(n."shopId"), array_agg(n."replyAt"), array_agg(n."replyAt")) FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollups(array_agg(o."shopId"), array_agg(o."replyAt"), array_agg(o."replyAt")) FROM old_rows o;
  ELSE
    PERFORM analytics_forget_rollups(array_agg(f."shopId"), array_agg(f.at), array_agg(f.at))
    FROM new_rows n JOIN old_rows o ON o."orderId" = n."orderId" AND o IS DISTINCT FROM n
    CROSS JOIN LATERAL (VALUES (o."shopId", o."replyAt"), (n."shopId", n."replyAt")) AS f("shopId", at);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_session_fact_inserted AFTER INSERT ON "AnalyticsSessionFact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_session_fact_forget_rollups();
CREATE TRIGGER analytics_session_fact_updated AFTER UPDATE ON "AnalyticsSessionFact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_session_fact_forget_rollups();
CREATE TRIGGER analytics_session_fact_deleted AFTER DELETE ON "AnalyticsSessionFact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_session_fact_forget_rollups();
CREATE TRIGGER analytics_reply_span_inserted AFTER INSERT ON "AnalyticsReplySpan"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_span_forget_rollups();
CREATE TRIGGER analytics_reply_span_updated AFTER UPDATE ON "AnalyticsReplySpan"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_span_forget_rollups();
CREATE TRIGGER analytics_reply_span_deleted AFTER DELETE ON "AnalyticsReplySpan"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_reply_span_forget_rollups();
CREATE TRIGGER analytics_order_fact_inserted AFTER INSERT ON "AnalyticsOrderFact"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_fact_forget_rollups();
CREATE TRIGGER analytics_order_fact_updated AFTER UPDATE ON "AnalyticsOrderFact"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_fact_forget_rollups();
CREATE TRIGGER analytics_order_fact_deleted AFTER DELETE ON "AnalyticsOrderFact"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_fact_forget_rollups();

-- TRUNCATE fires no row or DELETE trigger: emptying a fact table empties every rollup. (It waits
-- for any read that is storing days, which holds a lock on the fact tables it read.)
CREATE FUNCTION analytics_forget_all_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AnalyticsDayRollup";
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_session_fact_truncated AFTER TRUNCATE ON "AnalyticsSessionFact"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_all_rollups();
CREATE TRIGGER analytics_reply_span_truncated AFTER TRUNCATE ON "AnalyticsReplySpan"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_all_rollups();
CREATE TRIGGER analytics_order_fact_truncated AFTER TRUNCATE ON "AnalyticsOrderFact"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_forget_all_rollups();
