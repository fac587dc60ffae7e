-- AlterTable
ALTER TABLE "session_package" ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "currency" TEXT,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0;

-- Existing packages keep the order their page showed them in: shortest first, then by name.
UPDATE "session_package" AS "package"
SET "position" = "ordered"."position"
FROM (
  SELECT "id", ROW_NUMBER() OVER (
    PARTITION BY "host_id" ORDER BY "duration_minutes", "name"
  ) - 1 AS "position"
  FROM "session_package"
) AS "ordered"
WHERE "package"."id" = "ordered"."id";

-- Prices were shown in euros before a package had a currency of its own.
UPDATE "session_package" SET "currency" = 'EUR' WHERE "price_cents" > 0;

-- A price and its currency come together: free packages have none.
ALTER TABLE "session_package"
  ADD CONSTRAINT "session_package_currency" CHECK (("price_cents" = 0) = ("currency" IS NULL));
