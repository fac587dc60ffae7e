-- AlterTable
ALTER TABLE "host" ADD COLUMN     "busy_calendar_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "session_calendar_id" TEXT;

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "google_calendar_id" TEXT;
