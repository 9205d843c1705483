-- ANALYTICS-1..4: the shop's currency and time zone. The sign-up migration (SHOP-1) adds the same
-- columns earlier (20261202201228_shop_sign_up); IF NOT EXISTS lets this one apply with or without it.
ALTER TABLE "Shop" ADD COLUMN IF NOT EXISTS "currency" TEXT NOT NULL DEFAULT 'USD';
ALTER TABLE "Shop" ADD COLUMN IF NOT EXISTS "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "ChatSession_shopId_createdAt_idx" ON "ChatSession"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatSession_shopId_ratedAt_idx" ON "ChatSession"("shopId", "ratedAt");

-- CreateIndex
CREATE INDEX "Message_shopId_authorType_createdAt_idx" ON "Message"("shopId", "authorType", "createdAt");
