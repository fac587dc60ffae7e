-- CreateTable
CREATE TABLE "date_override" (
    "id" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "date_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "date_override_interval" (
    "id" TEXT NOT NULL,
    "override_id" TEXT NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,

    CONSTRAINT "date_override_interval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "host_slug_redirect" (
    "slug" TEXT NOT NULL,
    "host_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "host_slug_redirect_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "date_override_host_id_end_date_idx" ON "date_override"("host_id", "end_date");

-- CreateIndex
CREATE INDEX "date_override_interval_override_id_idx" ON "date_override_interval"("override_id");

-- CreateIndex
CREATE INDEX "host_slug_redirect_host_id_idx" ON "host_slug_redirect"("host_id");

-- AddForeignKey
ALTER TABLE "date_override" ADD CONSTRAINT "date_override_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "date_override_interval" ADD CONSTRAINT "date_override_interval_override_id_fkey" FOREIGN KEY ("override_id") REFERENCES "date_override"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "host_slug_redirect" ADD CONSTRAINT "host_slug_redirect_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "host"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express. One date has at most one override per host,
-- whatever requests race: a range off and special hours on a date inside it would contradict.
ALTER TABLE "date_override"
  ADD CONSTRAINT "date_override_date_order" CHECK ("end_date" >= "start_date"),
  ADD CONSTRAINT "date_override_no_overlap"
  EXCLUDE USING gist ("host_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&);

ALTER TABLE "date_override_interval"
  ADD CONSTRAINT "date_override_interval_minutes" CHECK (
    "start_minute" >= 0 AND "end_minute" <= 1440 AND "start_minute" < "end_minute"
  );
