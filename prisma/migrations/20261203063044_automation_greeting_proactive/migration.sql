-- AUTO-1: the greeting's repeat window and when each buyer was last greeted.
ALTER TABLE "ShopSettings" ADD COLUMN     "greetingRepeatAfterHours" INTEGER NOT NULL DEFAULT 24;
ALTER TABLE "Conversation" ADD COLUMN     "lastGreetedAt" TIMESTAMP(3);

-- Buyers greeted before this column existed count as greeted then (until now the only automatic bot text was the greeting).
UPDATE "Conversation" c SET "lastGreetedAt" = g."at"
FROM (SELECT "conversationId", max("createdAt") AS "at" FROM "Message" WHERE "authorType" = 'bot' AND "isAutomatic" AND "kind" = 'text' GROUP BY "conversationId") g
WHERE g."conversationId" = c."id";

-- AUTO-6: the expected delivery reported with an order event.
ALTER TABLE "OrderEvent" ADD COLUMN     "eta" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ProactiveTemplate" (
    "shopId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "template" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProactiveTemplate_pkey" PRIMARY KEY ("shopId","status")
);

-- CreateTable
CREATE TABLE "ProactiveMessage" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "orderEventId" UUID NOT NULL,
    "messageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProactiveMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProactiveMessage_shopId_createdAt_idx" ON "ProactiveMessage"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProactiveMessage_orderId_status_key" ON "ProactiveMessage"("orderId", "status");

-- AddForeignKey
ALTER TABLE "ProactiveTemplate" ADD CONSTRAINT "ProactiveTemplate_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProactiveMessage" ADD CONSTRAINT "ProactiveMessage_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProactiveMessage" ADD CONSTRAINT "ProactiveMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;
