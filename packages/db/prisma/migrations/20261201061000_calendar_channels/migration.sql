-- CreateTable
CREATE TABLE "calendar_channel" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "calendar_id" TEXT NOT NULL,
    "channel_id" TEXT,
    "resource_id" TEXT,
    "token_hash" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_channel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_channel_channel_id_key" ON "calendar_channel"("channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_channel_host_id_calendar_id_key" ON "calendar_channel"("host_id", "calendar_id");

-- AddForeignKey
ALTER TABLE "calendar_channel" ADD CONSTRAINT "calendar_channel_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;
