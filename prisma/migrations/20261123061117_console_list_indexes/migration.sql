-- CONSOLE-1, 2, 4: indexes for the chat lists, the live status counts and search.
-- Substring search (any part of a message, a nickname or an order id) uses trigram GIN indexes,
-- so the pg_trgm extension comes first. It ships with PostgreSQL (contrib, also in the embedded
-- build) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Buyer_nickname_idx" ON "Buyer" USING GIN ("nickname" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ChatSession_shopId_assigneeId_closedAt_idx" ON "ChatSession"("shopId", "assigneeId", "closedAt" DESC);

-- CreateIndex
CREATE INDEX "Message_conversationId_authorType_seq_idx" ON "Message"("conversationId", "authorType", "seq");

-- CreateIndex
CREATE INDEX "Message_body_idx" ON "Message" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Order_externalId_idx" ON "Order" USING GIN ("externalId" gin_trgm_ops);
