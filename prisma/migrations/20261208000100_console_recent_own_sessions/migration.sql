-- Issue 16 item 3 (CONSOLE-4 at ten times the history): an agent's keyword search first walks
-- their most recently handled conversations. It grouped every session they ever held to find
-- them (60,000 at 1,000,000 conversations); now it reads the newest rows from indexes: the
-- queued sessions newest first (a partial index, the size of the queue), their own sessions
-- newest first, and Assignment(shopId, fromMemberId, createdAt), which exists.
CREATE INDEX "ChatSession_shopId_assigneeId_createdAt_idx" ON "ChatSession" ("shopId", "assigneeId", "createdAt" DESC);
CREATE INDEX "ChatSession_queued_shopId_createdAt_idx" ON "ChatSession" ("shopId", "createdAt" DESC) WHERE state = 'queued';
