-- AlterTable
ALTER TABLE "host" ADD COLUMN     "buffer_after_minutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "buffer_before_minutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "daily_maximum" INTEGER,
ADD COLUMN     "horizon_days" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "start_interval_minutes" INTEGER;

-- AlterTable
ALTER TABLE "session_package" ADD COLUMN     "buffer_after_minutes" INTEGER,
ADD COLUMN     "buffer_before_minutes" INTEGER,
ADD COLUMN     "horizon_days" INTEGER,
ADD COLUMN     "minimum_notice_minutes" INTEGER,
ADD COLUMN     "start_interval_minutes" INTEGER;

-- The ranges the API accepts, kept by the database too (Prisma's schema language cannot say
-- them). A package's null column means "the host's default", and CHECK lets a null pass.
ALTER TABLE "host"
  ADD CONSTRAINT "host_horizon_days" CHECK ("horizon_days" BETWEEN 1 AND 365),
  ADD CONSTRAINT "host_buffers" CHECK (
    "buffer_before_minutes" BETWEEN 0 AND 120 AND "buffer_after_minutes" BETWEEN 0 AND 120
  ),
  ADD CONSTRAINT "host_daily_maximum" CHECK ("daily_maximum" BETWEEN 1 AND 100),
  ADD CONSTRAINT "host_start_interval" CHECK ("start_interval_minutes" IN (5, 10, 15, 30, 60));

ALTER TABLE "session_package"
  ADD CONSTRAINT "session_package_horizon_days" CHECK ("horizon_days" BETWEEN 1 AND 365),
  ADD CONSTRAINT "session_package_buffers" CHECK (
    "buffer_before_minutes" BETWEEN 0 AND 120 AND "buffer_after_minutes" BETWEEN 0 AND 120
  ),
  ADD CONSTRAINT "session_package_start_interval" CHECK (
    "start_interval_minutes" IN (5, 10, 15, 30, 60)
  ),
  ADD CONSTRAINT "session_package_minimum_notice" CHECK (
    "minimum_notice_minutes" BETWEEN 0 AND 43200
  );
