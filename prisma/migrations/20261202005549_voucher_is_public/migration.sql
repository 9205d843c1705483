-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false;
