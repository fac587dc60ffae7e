-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'meet_link_followup';
ALTER TYPE "EmailKind" ADD VALUE 'booking_moved';

-- AlterTable
ALTER TABLE "email" ADD COLUMN     "handed_over_at" TIMESTAMPTZ(3),
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;
