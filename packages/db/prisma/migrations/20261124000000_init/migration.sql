-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CalendarStatus" AS ENUM ('connected', 'disconnected', 'needs_reauth');

-- CreateEnum
CREATE TYPE "PackageKind" AS ENUM ('free_intro', 'paid');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SyncAction" AS ENUM ('create', 'update', 'delete');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('pending', 'done', 'skipped', 'failed', 'parked');

-- CreateTable
CREATE TABLE "host" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "slug" TEXT,
    "time_zone" TEXT NOT NULL,
    "google_sub" TEXT,
    "google_refresh_token" TEXT,
    "calendar_status" "CalendarStatus" NOT NULL DEFAULT 'disconnected',
    "minimum_notice_minutes" INTEGER NOT NULL DEFAULT 120,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "host_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_package" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "duration_minutes" INTEGER NOT NULL,
    "kind" "PackageKind" NOT NULL,
    "price_cents" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_package_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "availability_rule" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,

    CONSTRAINT "availability_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "package_id" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(3) NOT NULL,
    "end_time" TIMESTAMPTZ(3) NOT NULL,
    "customer_email" TEXT NOT NULL,
    "customer_name" TEXT,
    "status" "BookingStatus" NOT NULL DEFAULT 'CONFIRMED',
    "access_token" TEXT NOT NULL,
    "google_event_id" TEXT,
    "meet_link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "booking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_sync" (
    "id" TEXT NOT NULL,
    "booking_id" TEXT NOT NULL,
    "action" "SyncAction" NOT NULL,
    "state" "SyncState" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_sync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hashed_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "host_email_key" ON "host"("email");

-- CreateIndex
CREATE UNIQUE INDEX "host_slug_key" ON "host"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "host_google_sub_key" ON "host"("google_sub");

-- CreateIndex
CREATE INDEX "session_package_host_id_idx" ON "session_package"("host_id");

-- CreateIndex
CREATE INDEX "availability_rule_host_id_idx" ON "availability_rule"("host_id");

-- CreateIndex
CREATE UNIQUE INDEX "booking_access_token_key" ON "booking"("access_token");

-- CreateIndex
CREATE INDEX "booking_host_id_start_time_idx" ON "booking"("host_id", "start_time");

-- CreateIndex
CREATE INDEX "calendar_sync_state_next_attempt_at_idx" ON "calendar_sync"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "calendar_sync_booking_id_idx" ON "calendar_sync"("booking_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_key_hashed_key_key" ON "api_key"("hashed_key");

-- CreateIndex
CREATE INDEX "api_key_host_id_idx" ON "api_key"("host_id");

-- AddForeignKey
ALTER TABLE "session_package" ADD CONSTRAINT "session_package_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "availability_rule" ADD CONSTRAINT "availability_rule_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking" ADD CONSTRAINT "booking_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "session_package"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_sync" ADD CONSTRAINT "calendar_sync_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

