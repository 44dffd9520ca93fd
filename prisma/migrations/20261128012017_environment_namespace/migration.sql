-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "namespace" TEXT;
