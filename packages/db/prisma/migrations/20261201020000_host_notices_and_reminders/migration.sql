-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EmailKind" ADD VALUE 'host_booking_new';
ALTER TYPE "EmailKind" ADD VALUE 'host_booking_cancelled';
ALTER TYPE "EmailKind" ADD VALUE 'host_booking_moved';
ALTER TYPE "EmailKind" ADD VALUE 'reminder_24h';
ALTER TYPE "EmailKind" ADD VALUE 'reminder_1h';

-- AlterTable
ALTER TABLE "host" ADD COLUMN     "host_notices" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminder_24h" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminder_1h" BOOLEAN NOT NULL DEFAULT false;
