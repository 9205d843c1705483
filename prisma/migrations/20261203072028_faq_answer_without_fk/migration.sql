-- AUTO-4: Message."faqEntryId" keeps no foreign key: deleting an FAQ entry would otherwise
-- check (and null) every referencing row of the large Message table without an index.
ALTER TABLE "Message" DROP CONSTRAINT IF EXISTS "Message_faqEntryId_fkey";
