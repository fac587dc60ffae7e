-- Rules Prisma's schema language cannot express. The exclusion constraint is what makes a double
-- booking impossible: two CONFIRMED bookings of one host can never overlap, whatever the
-- application does or how many requests race.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "booking"
  ADD CONSTRAINT "booking_no_overlap"
  EXCLUDE USING gist ("host_id" WITH =, tstzrange("start_time", "end_time") WITH &&)
  WHERE ("status" = 'CONFIRMED');

ALTER TABLE "booking" ADD CONSTRAINT "booking_time_order" CHECK ("end_time" > "start_time");

ALTER TABLE "availability_rule"
  ADD CONSTRAINT "availability_rule_weekday" CHECK ("weekday" BETWEEN 0 AND 6),
  ADD CONSTRAINT "availability_rule_minutes" CHECK (
    "start_minute" >= 0 AND "end_minute" <= 1440 AND "start_minute" < "end_minute"
  );

ALTER TABLE "session_package"
  ADD CONSTRAINT "session_package_duration" CHECK ("duration_minutes" BETWEEN 5 AND 1440),
  ADD CONSTRAINT "session_package_price" CHECK ("price_cents" >= 0);

ALTER TABLE "calendar_sync" ADD CONSTRAINT "calendar_sync_attempts" CHECK ("attempts" >= 0);
