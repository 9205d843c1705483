-- AlterTable
ALTER TABLE "ChatSession" ADD COLUMN     "ratingComment" TEXT;

-- SET-4: who blocked a buyer is a member; a block naming a member row that no longer exists
-- keeps the block and forgets who.
UPDATE "BlockedBuyer" SET "blockedById" = NULL
WHERE "blockedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Member" m WHERE m.id = "BlockedBuyer"."blockedById");

-- AddForeignKey
ALTER TABLE "BlockedBuyer" ADD CONSTRAINT "BlockedBuyer_blockedById_fkey" FOREIGN KEY ("blockedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CONSOLE-1 backfill: the list preview becomes what a person last wrote (src/core/console/preview.ts):
-- system notes and automatic messages never count; media and cards read as words; at most 140
-- characters, cut with an ellipsis. A conversation with no such message keeps no preview.
UPDATE "Conversation" AS c
SET "lastMessagePreview" = p.preview
FROM (
  SELECT c2.id,
         (SELECT CASE WHEN char_length(t.line) > 140 THEN left(t.line, 139) || '…' ELSE t.line END
          FROM (
            SELECT CASE m.kind
                     WHEN 'text' THEN m.label
                     WHEN 'image' THEN CASE WHEN m.label = '' THEN 'Photo' ELSE 'Photo: ' || m.label END
                     WHEN 'video' THEN CASE WHEN m.label = '' THEN 'Video' ELSE 'Video: ' || m.label END
                     WHEN 'product_card' THEN CASE WHEN m.label = '' THEN 'Product' ELSE 'Product: ' || m.label END
                     WHEN 'order_card' THEN CASE WHEN m.label = '' THEN 'Order' ELSE m.label END
                     WHEN 'voucher_card' THEN CASE WHEN m.label = '' THEN 'Voucher' ELSE 'Voucher: ' || m.label END
                   END AS line
            FROM (
              SELECT msg.kind,
                     btrim(regexp_replace(
                       CASE WHEN btrim(regexp_replace(msg.body, '\s+', ' ', 'g')) = '' AND msg.kind IN ('image', 'video') THEN COALESCE(msg.payload ->> 'fileName', '') ELSE msg.body END,
                       '\s+', ' ', 'g')) AS label
              FROM "Message" msg
              WHERE msg."conversationId" = c2.id AND msg."authorType" IN ('buyer', 'agent') AND msg.kind <> 'system' AND NOT msg."isAutomatic"
              ORDER BY msg.seq DESC
              LIMIT 1
            ) AS m
          ) AS t) AS preview
  FROM "Conversation" AS c2
) AS p
WHERE c.id = p.id AND c."lastMessagePreview" IS DISTINCT FROM p.preview;
