-- AlterTable
ALTER TABLE "host" ADD COLUMN     "upcoming_per_customer" INTEGER NOT NULL DEFAULT 3;

-- A customer may hold at least one upcoming booking, and a host cannot lift the cap entirely.
ALTER TABLE "host" ADD CONSTRAINT "host_upcoming_per_customer_range" CHECK ("upcoming_per_customer" BETWEEN 1 AND 50);
