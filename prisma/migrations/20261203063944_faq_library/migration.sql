-- AUTO-3, AUTO-4: the FAQ library and the record of automatic FAQ answers.
-- Both extensions ship with PostgreSQL's contrib (system PostgreSQL 15 and embedded-postgres).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TYPE "FaqCategory" AS ENUM ('pre_purchase', 'logistics', 'after_sales');

CREATE TABLE "FaqEntry" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "category" "FaqCategory" NOT NULL,
    "question" TEXT NOT NULL,
    "alternatives" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answer" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "FaqEntry_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "FaqEntry_shopId_externalId_key" ON "FaqEntry"("shopId", "externalId");
CREATE INDEX "FaqEntry_shopId_updatedAt_idx" ON "FaqEntry"("shopId", "updatedAt");
ALTER TABLE "FaqEntry" ADD CONSTRAINT "FaqEntry_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Message" ADD COLUMN "answersMessageId" UUID, ADD COLUMN "faqEntryId" UUID;
CREATE UNIQUE INDEX "Message_answersMessageId_key" ON "Message"("answersMessageId");
ALTER TABLE "Message" ADD CONSTRAINT "Message_faqEntryId_fkey" FOREIGN KEY ("faqEntryId") REFERENCES "FaqEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;
