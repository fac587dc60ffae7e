-- A new booking counts its customer's upcoming confirmed sessions with the host (the host's
-- allowance per customer, booking-insert.ts). Without this index that count reads every upcoming
-- booking of the host to compare emails: a busy host's hundreds, for each booking. Prisma's schema
-- language cannot say an index on lower(); the schema's comment on Booking points here.
CREATE INDEX "booking_customer_upcoming_idx"
  ON "booking" ("host_id", lower("customer_email"), "end_time")
  WHERE "status" = 'CONFIRMED';
