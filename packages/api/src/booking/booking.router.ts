import { z } from "zod";
import { cancelBooking, getBookingStatus } from "./booking-cancellation.service.ts";
import { rescheduleBooking } from "./booking-reschedule.service.ts";
import { createBooking, getBookingForCustomer } from "./booking.service.ts";
import { publicProcedure, router } from "../trpc.ts";
import { hostSlug, instant, recordId } from "../lib/inputs.ts";
import { mapServiceErrors } from "../routers/map-errors.ts";

export const createBookingInput = z.object({
  hostSlug,
  packageId: recordId,
  startTime: instant("Pick a time."),
  customerEmail: z.string().trim().pipe(z.email("Enter a valid email address.").max(254)),
  customerName: z
    .string()
    .trim()
    .max(120, "Use at most 120 characters.")
    .optional()
    .transform((name) => name || undefined),
});

/** The customer's handle on their booking: its id and the unguessable token from their link. */
const customerBooking = z.object({ id: recordId, token: z.string().min(1).max(200) });

export const bookingRouter = router({
  create: publicProcedure
    .input(createBookingInput)
    .mutation(({ ctx, input }) => mapServiceErrors(() => createBooking(ctx, input))),
  get: publicProcedure
    .input(customerBooking)
    .query(({ ctx, input }) =>
      mapServiceErrors(() => getBookingForCustomer(ctx, input.id, input.token)),
    ),
  status: publicProcedure
    .input(customerBooking)
    .query(({ ctx, input }) =>
      mapServiceErrors(() => getBookingStatus(ctx, input.id, input.token)),
    ),
  cancel: publicProcedure
    .input(customerBooking)
    .mutation(({ ctx, input }) =>
      mapServiceErrors(() =>
        cancelBooking(ctx, { bookingId: input.id, by: "customer", token: input.token }),
      ),
    ),
  reschedule: publicProcedure
    .input(customerBooking.extend({ startTime: instant("Pick a new time.") }))
    .mutation(({ ctx, input: { id, token, startTime } }) =>
      mapServiceErrors(() =>
        rescheduleBooking(ctx, { bookingId: id, startTime, by: "customer", token }),
      ),
    ),
});
