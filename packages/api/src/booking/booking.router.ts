import { limitedPerClient, publicProcedure, router } from "../trpc.ts";
import { cancelBooking, getBookingStatus } from "./booking-cancellation.service.ts";
import { rescheduleBooking } from "./booking-reschedule.service.ts";
import { createBooking, getBookingForCustomer } from "./booking.service.ts";
import {
  createBookingInput,
  customerBookingInput,
  customerRescheduleInput,
} from "./booking.inputs.ts";

/** Making, cancelling and moving bookings: each counts against the caller's address. */
const bookingChange = publicProcedure.use(limitedPerClient("bookingChangesPerIp"));

export const bookingRouter = router({
  create: bookingChange
    .input(createBookingInput)
    .mutation(({ ctx, input }) => createBooking(ctx, input)),
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
});
