-- Issue 11 item 5: analytics facts maintained with every event (docs/analytics.md "How figures
-- are stored"). The tables start filled from the raw tables (the same derivation as
-- src/server/services/analytics/facts-sql.ts); `npm run analytics:rebuild` re-checks them.

-- CreateTable
CREATE TABLE "AnalyticsSessionFact" (
    "sessionId" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "buyerId" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "firstAssignedAt" TIMESTAMP(3),
    "firstReplyAt" TIMESTAMP(3),
    "firstReplyMemberId" TEXT,
    "lastHolderId" UUID,
    "state" "SessionState" NOT NULL,
    "closedAt" TIMESTAMP(3),
    "endedById" UUID,
    "rating" INTEGER,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "AnalyticsSessionFact_pkey" PRIMARY KEY ("sessionId")
);

-- CreateTable
CREATE TABLE "AnalyticsReplySpan" (
    "shopId" UUID NOT NULL,
    "buyerId" UUID NOT NULL,
    "memberId" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsReplySpan_pkey" PRIMARY KEY ("buyerId","memberId","firstAt")
);

-- CreateTable
CREATE TABLE "AnalyticsOrderFact" (
    "orderId" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "buyerId" UUID NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "replyAt" TIMESTAMP(3),
    "replyMemberId" TEXT,

    CONSTRAINT "AnalyticsOrderFact_pkey" PRIMARY KEY ("orderId")
);

-- CreateIndex
CREATE INDEX "AnalyticsSessionFact_shopId_openedAt_idx" ON "AnalyticsSessionFact"("shopId", "openedAt");

-- CreateIndex
CREATE INDEX "AnalyticsSessionFact_shopId_closedAt_idx" ON "AnalyticsSessionFact"("shopId", "closedAt");

-- CreateIndex
CREATE INDEX "AnalyticsSessionFact_shopId_ratedAt_idx" ON "AnalyticsSessionFact"("shopId", "ratedAt");

-- CreateIndex
CREATE INDEX "AnalyticsReplySpan_shopId_firstAt_idx" ON "AnalyticsReplySpan"("shopId", "firstAt");

-- CreateIndex
CREATE INDEX "AnalyticsOrderFact_shopId_replyAt_idx" ON "AnalyticsOrderFact"("shopId", "replyAt");

-- AddForeignKey
ALTER TABLE "AnalyticsSessionFact" ADD CONSTRAINT "AnalyticsSessionFact_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ChatSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsSessionFact" ADD CONSTRAINT "AnalyticsSessionFact_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsReplySpan" ADD CONSTRAINT "AnalyticsReplySpan_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsOrderFact" ADD CONSTRAINT "AnalyticsOrderFact_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnalyticsOrderFact" ADD CONSTRAINT "AnalyticsOrderFact_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the raw tables (the derivation of facts-sql.ts, for every shop at once).
INSERT INTO "AnalyticsSessionFact" ("sessionId", "shopId", "buyerId", "openedAt", "firstAssignedAt", "firstReplyAt", "firstReplyMemberId",
    "lastHolderId", "state", "closedAt", "endedById", "rating", "ratedAt")
SELECT s.id, s."shopId", c."buyerId", s."createdAt", LEAST(fa.at, s."assignedAt"), fr.at, fr.member,
       s."assigneeId", s.state, s."closedAt", s."endedById", s.rating, s."ratedAt"
FROM "ChatSession" s
JOIN "Conversation" c ON c.id = s."conversationId"
LEFT JOIN LATERAL (
  SELECT min(a."createdAt") AS at FROM "Assignment" a WHERE a."sessionId" = s.id AND a."toMemberId" IS NOT NULL
) fa ON true
LEFT JOIN LATERAL (
  SELECT m."createdAt" AS at, COALESCE(m."authorMemberId"::text, 'removed') AS member FROM "Message" m
  WHERE m."sessionId" = s.id AND m."authorType" = 'agent' AND m."isAutomatic" = false ORDER BY m."createdAt", m.seq LIMIT 1
) fr ON true;

INSERT INTO "AnalyticsReplySpan" ("shopId", "buyerId", "memberId", "firstAt", "lastAt")
SELECT "shopId", "buyerId", "memberId", min(at), max(at)
FROM (
  SELECT *, sum(starts) OVER (PARTITION BY "buyerId", "memberId", utc_day ORDER BY at, seq ROWS UNBOUNDED PRECEDING) AS span
  FROM (
    SELECT m."shopId", c."buyerId", COALESCE(m."authorMemberId"::text, 'removed') AS "memberId", m."createdAt" AS at, m.seq,
           date_trunc('day', m."createdAt") AS utc_day,
           CASE WHEN m."createdAt" - lag(m."createdAt") OVER w <= interval '12 hours' THEN 0 ELSE 1 END AS starts
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE m."authorType" = 'agent' AND m."isAutomatic" = false
    WINDOW w AS (PARTITION BY c."buyerId", COALESCE(m."authorMemberId"::text, 'removed'), date_trunc('day', m."createdAt") ORDER BY m."createdAt", m.seq)
  ) marked
) numbered
GROUP BY "shopId", "buyerId", "memberId", utc_day, span;

INSERT INTO "AnalyticsOrderFact" ("orderId", "shopId", "buyerId", "placedAt", "totalCents", "currency", "status", "replyAt", "replyMemberId")
SELECT o.id, o."shopId", o."buyerId", o."placedAt", o."totalCents", o.currency, o.status, r.at, r.member
FROM "Order" o
LEFT JOIN "Conversation" c ON c."buyerId" = o."buyerId"
LEFT JOIN LATERAL (
  SELECT m."createdAt" AS at, COALESCE(m."authorMemberId"::text, 'removed') AS member FROM "Message" m
  WHERE m."conversationId" = c.id AND m."authorType" = 'agent' AND m."isAutomatic" = false
    AND m."createdAt" < o."placedAt" AND m."createdAt" >= o."placedAt" - interval '7 days'
  ORDER BY m."createdAt" DESC, COALESCE(m."authorMemberId"::text, 'removed') COLLATE "C" DESC LIMIT 1
) r ON true;
