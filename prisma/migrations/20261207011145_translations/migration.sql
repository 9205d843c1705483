-- CreateEnum
CREATE TYPE "TranslationStatus" AS ENUM ('done', 'failed');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "language" TEXT,
ADD COLUMN     "languageSource" TEXT,
ADD COLUMN     "translationOverride" TEXT;

-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "translationAgentLanguage" TEXT,
ADD COLUMN     "translationBuyerLanguage" TEXT,
ADD COLUMN     "translationMode" TEXT NOT NULL DEFAULT 'off';

-- CreateTable
CREATE TABLE "MessageTranslation" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "fromLanguage" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" "TranslationStatus" NOT NULL,
    "text" TEXT,
    "engine" TEXT NOT NULL,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MessageTranslation_conversationId_idx" ON "MessageTranslation"("conversationId");

-- CreateIndex
CREATE INDEX "MessageTranslation_text_idx" ON "MessageTranslation" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "MessageTranslation_messageId_language_key" ON "MessageTranslation"("messageId", "language");

-- AddForeignKey
ALTER TABLE "MessageTranslation" ADD CONSTRAINT "MessageTranslation_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTranslation" ADD CONSTRAINT "MessageTranslation_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
