-- CONSOLE-4: a member keeps finding the chats they handed on (transferred or requeued away),
-- as they keep reading them; the mirror of the (shopId, toMemberId, createdAt) index.
-- CreateIndex
CREATE INDEX "Assignment_shopId_fromMemberId_createdAt_idx" ON "Assignment"("shopId", "fromMemberId", "createdAt");
