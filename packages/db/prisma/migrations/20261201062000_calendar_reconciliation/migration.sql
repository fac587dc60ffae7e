-- CreateEnum
CREATE TYPE "CalendarIssue" AS ENUM ('removed', 'moved');

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "calendar_issue" "CalendarIssue",
ADD COLUMN     "google_end_time" TIMESTAMPTZ(3),
ADD COLUMN     "google_start_time" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "calendar_channel" ADD COLUMN     "sync_token" TEXT;
