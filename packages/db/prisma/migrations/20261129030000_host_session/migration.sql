-- CreateTable
CREATE TABLE "host_session" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "host_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "host_session_host_id_idx" ON "host_session"("host_id");

-- AddForeignKey
ALTER TABLE "host_session" ADD CONSTRAINT "host_session_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;
