-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('read_bookings', 'manage_bookings', 'manage_settings');

-- AlterTable
ALTER TABLE "api_key" ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "scopes" "ApiKeyScope"[] DEFAULT ARRAY['read_bookings', 'manage_bookings', 'manage_settings']::"ApiKeyScope"[];
