-- ANALYTICS-1..4: the indexes the range-bounded figure queries read (the shop's currency and
-- time zone come with the sign-up migration, 20261202201228_shop_sign_up).

-- CreateIndex
CREATE INDEX "ChatSession_shopId_createdAt_idx" ON "ChatSession"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatSession_shopId_ratedAt_idx" ON "ChatSession"("shopId", "ratedAt");

-- CreateIndex
CREATE INDEX "Message_shopId_authorType_createdAt_idx" ON "Message"("shopId", "authorType", "createdAt");
