-- AlterTable
ALTER TABLE "host" ADD COLUMN     "booking_version" INTEGER NOT NULL DEFAULT 0;
