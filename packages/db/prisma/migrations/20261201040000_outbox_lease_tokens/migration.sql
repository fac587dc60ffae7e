-- AlterTable
ALTER TABLE "calendar_sync" ADD COLUMN     "lease_token" TEXT,
ADD COLUMN     "stopped_attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "email" ADD COLUMN     "lease_token" TEXT,
ADD COLUMN     "stopped_attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "host" ADD COLUMN     "google_backoff_until" TIMESTAMPTZ(3);
