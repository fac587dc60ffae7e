-- AlterTable
ALTER TABLE "host" ADD COLUMN     "reconcile_due_at" TIMESTAMPTZ(3);
