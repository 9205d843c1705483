-- AUTO-2: saved replies, shop-wide (ownerId NULL) or personal to one member.
CREATE TABLE "SavedReply" (
    "id" UUID NOT NULL,
    "shopId" UUID NOT NULL,
    "ownerId" UUID,
    "title" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedReply_pkey" PRIMARY KEY ("id")
);

-- A shortcut is unique per scope: per member for personal replies and per shop for shop-wide ones
-- (ownerId NULL). NULLS NOT DISTINCT (PostgreSQL 15+) makes the NULL owners collide, which a plain
-- unique index would not; Prisma's @@unique([shopId, ownerId, shortcut]) names the same index.
CREATE UNIQUE INDEX "SavedReply_shopId_ownerId_shortcut_key" ON "SavedReply"("shopId", "ownerId", "shortcut") NULLS NOT DISTINCT;

ALTER TABLE "SavedReply" ADD CONSTRAINT "SavedReply_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SavedReply" ADD CONSTRAINT "SavedReply_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
