-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "allowedOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];
