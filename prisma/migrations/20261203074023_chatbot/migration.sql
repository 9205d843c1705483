-- AUTO-5: the chatbot (per-shop switch, off by default), the bot's hold on a session, and when a
-- session reached people for response-time figures.
ALTER TABLE "ShopSettings" ADD COLUMN "chatbotEnabled" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "ChatSession" ADD COLUMN "botActive" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ChatSession" ADD COLUMN "botUnansweredTurns" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ChatSession" ADD COLUMN "handedOverAt" TIMESTAMP(3);

ALTER TABLE "AnalyticsSessionFact" ADD COLUMN "humanQueueAt" TIMESTAMP(3);
-- Every session so far reached people when it opened.
UPDATE "AnalyticsSessionFact" SET "humanQueueAt" = "openedAt";
