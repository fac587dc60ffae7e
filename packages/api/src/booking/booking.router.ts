import { limitedPerClient, publicProcedure, router } from "../trpc.ts";
import { cancelBooking, getBookingStatus } from "./booking-cancellation.service.ts";
import { rescheduleBooking } from "./booking-reschedule.service.ts";
import { rescheduleSlots } from "./reschedule-slots.service.ts";
import { createBooking, getBookingForCustomer } from "./booking.service.ts";
import {
  createBookingInput,
  customerBookingInput,
  customerRescheduleInput,
  rescheduleSlotsInput,
} from "./booking.inputs.ts";

/**
 * Cancelling and moving bookings: each counts against the caller's address. Making one counts
 * too, in createBooking, together with the customer's email.
 */
const bookingChange = publicProcedure.use(limitedPerClient("bookingChangesPerIp"));

export const bookingRouter = router({
  create: publicProcedure
    .input(createBookingInput)
    .mutation(({ ctx, input }) => createBooking(ctx, input, ctx.auth)),
  get: publicProcedure
    .input(customerBookingInput)
    .query(({ ctx, input }) => getBookingForCustomer(ctx, input.id, input.token)),
  status: publicProcedure
    .input(customerBookingInput)
    .query(({ ctx, input }) => getBookingStatus(ctx, input.id, input.token)),
  cancel: bookingChange
    .input(customerBookingInput)
    .mutation(({ ctx, input }) =>
      cancelBooking(ctx, { bookingId: input.id, by: "customer", token: input.token }),
    ),
  reschedule: bookingChange
    .input(customerRescheduleInput)
    .mutation(({ ctx, input: { id, token, startTime } }) =>
      rescheduleBooking(ctx, { bookingId: id, startTime, by: "customer", token }),
    ),
  rescheduleSlots: publicProcedure
    .input(rescheduleSlotsInput)
    .query(({ ctx, input }) => rescheduleSlots(ctx, input)),
});
