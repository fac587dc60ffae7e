-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('booking_confirmed', 'booking_cancelled');

-- CreateEnum
CREATE TYPE "EmailState" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "customer_time_zone" TEXT;

-- CreateTable
CREATE TABLE "email" (
    "id" TEXT NOT NULL,
    "booking_id" TEXT NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "state" "EmailState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_message_id_key" ON "email"("message_id");

-- CreateIndex
CREATE INDEX "email_state_next_attempt_at_idx" ON "email"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "email_booking_id_idx" ON "email"("booking_id");

-- AddForeignKey
ALTER TABLE "email" ADD CONSTRAINT "email_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
