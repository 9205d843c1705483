-- Issue 16 (drain) and issue 11 (rollups): the rollup triggers reduce a statement's changed facts
-- to their distinct (shop, UTC day) pairs first, then lock and delete once per pair. The first
-- version handed every instant to a helper as arrays (a thousand-session drain batch passes three
-- thousand), computed each one's day with numeric epoch arithmetic inside PL/pgSQL and joined
-- every instant against the shop's stored rollups: 15-30 ms per batch with no rollup stored, and
-- more with a year of them. Now it is about a millisecond.
--
-- It deletes the rollups of every shop day that overlaps one of those UTC days: at most a day
-- more than the instants strictly need, which only means a read computes that day again. The
-- locks are the same (hashtext(shop), UTC day number) keys as before, so the reader's protocol
-- (src/server/services/analytics/day-rollups.ts) is unchanged.

DROP FUNCTION analytics_forget_rollups(UUID[], TIMESTAMP[], TIMESTAMP[]);

CREATE FUNCTION analytics_forget_rollup_days(day_shops UUID[], utc_days INTEGER[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF day_shops IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(hashtext(d.shop::text), d.utc_day) FROM unnest(day_shops, utc_days) AS d(shop, utc_day);
  -- A shop day lasts at most 25 hours, so one that overlaps UTC day d started after d - 2 days.
  DELETE FROM "AnalyticsDayRollup" r
  USING unnest(day_shops, utc_days) AS d(shop, utc_day)
  WHERE r."shopId" = d.shop
    AND r."dayStart" < TIMESTAMP '1970-01-01' + (d.utc_day + 1) * INTERVAL '1 day'
    AND r."dayStart" > TIMESTAMP '1970-01-01' + (d.utc_day - 2) * INTERVAL '1 day'
    AND r."dayEnd" > TIMESTAMP '1970-01-01' + d.utc_day * INTERVAL '1 day';
END $$;

-- A session fact counts on the day it opened (response figures), ended (resolution) and was
-- rated (satisfaction). An update that changed nothing forgets nothing.
CREATE OR REPLACE FUNCTION analytics_session_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT n."shopId" AS shop, f.at::date - DATE '1970-01-01' AS utc_day
      FROM new_rows n CROSS JOIN LATERAL (VALUES (n."openedAt"), (n."closedAt"), (n."ratedAt")) AS f(at)
      WHERE f.at IS NOT NULL) d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT o."shopId" AS shop, f.at::date - DATE '1970-01-01' AS utc_day
      FROM old_rows o CROSS JOIN LATERAL (VALUES (o."openedAt"), (o."closedAt"), (o."ratedAt")) AS f(at)
      WHERE f.at IS NOT NULL) d;
  ELSE
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT f.shop, f.at::date - DATE '1970-01-01' AS utc_day
      FROM new_rows n JOIN old_rows o ON o."sessionId" = n."sessionId" AND o IS DISTINCT FROM n
      CROSS JOIN LATERAL (VALUES
        (o."shopId", o."openedAt"), (o."shopId", o."closedAt"), (o."shopId", o."ratedAt"),
        (n."shopId", n."openedAt"), (n."shopId", n."closedAt"), (n."shopId", n."ratedAt")) AS f(shop, at)
      WHERE f.at IS NOT NULL) d;
  END IF;
  RETURN NULL;
END $$;

-- A reply span counts on every day from its first reply to its last.
CREATE OR REPLACE FUNCTION analytics_reply_span_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT n."shopId" AS shop, generate_series(n."firstAt"::date - DATE '1970-01-01', n."lastAt"::date - DATE '1970-01-01') AS utc_day
      FROM new_rows n WHERE n."firstAt" IS NOT NULL) d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT o."shopId" AS shop, generate_series(o."firstAt"::date - DATE '1970-01-01', o."lastAt"::date - DATE '1970-01-01') AS utc_day
      FROM old_rows o WHERE o."firstAt" IS NOT NULL) d;
  ELSE
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT f."shopId" AS shop, generate_series(f."firstAt"::date - DATE '1970-01-01', f."lastAt"::date - DATE '1970-01-01') AS utc_day
      FROM (SELECT "shopId", "firstAt", "lastAt" FROM old_rows UNION ALL SELECT "shopId", "firstAt", "lastAt" FROM new_rows) f
      WHERE f."firstAt" IS NOT NULL) d;
  END IF;
  RETURN NULL;
END $$;

-- An order fact counts on the day of the reply it is attributed to.
CREATE OR REPLACE FUNCTION analytics_order_fact_forget_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT n."shopId" AS shop, n."replyAt"::date - DATE '1970-01-01' AS utc_day
      FROM new_rows n WHERE n."replyAt" IS NOT NULL) d;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT o."shopId" AS shop, o."replyAt"::date - DATE '1970-01-01' AS utc_day
      FROM old_rows o WHERE o."replyAt" IS NOT NULL) d;
  ELSE
    PERFORM analytics_forget_rollup_days(array_agg(d.shop), array_agg(d.utc_day)) FROM (
      SELECT DISTINCT f.shop, f.at::date - DATE '1970-01-01' AS utc_day
      FROM new_rows n JOIN old_rows o ON o."orderId" = n."orderId" AND o IS DISTINCT FROM n
      CROSS JOIN LATERAL (VALUES (o."shopId", o."replyAt"), (n."shopId", n."replyAt")) AS f(shop, at)
      WHERE f.at IS NOT NULL) d;
  END IF;
  RETURN NULL;
END $$;

-- CONSOLE-4: keyword search never matches system notes ("Ava joined the chat"), so the trigram
-- index leaves them out: a drain writes one note per session and no longer pays for indexing
-- it, and the index is smaller for every search. search-chats.ts states the same predicate.
DROP INDEX "Message_body_idx";
CREATE INDEX "Message_body_idx" ON "Message" USING GIN ("body" gin_trgm_ops) WHERE "authorType" <> 'system';
