import { z } from "zod";
import { checkSlotRange, slotRange } from "../availability/availability.inputs.ts";
import { bookingToken, hostSlug, instant, recordId, timeZone } from "../lib/inputs.ts";

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
  /** The zone the customer saw the times in; their emails give the time in it too. */
  customerTimeZone: timeZone.optional(),
});

export type CreateBookingInput = z.output<typeof createBookingInput>;

/** The customer's handle on their booking: its id and the unguessable token from their link. */
export const customerBookingInput = z.object({ id: recordId, token: bookingToken });

export const customerRescheduleInput = customerBookingInput.extend({
  startTime: instant("Pick a new time."),
});

export const hostRescheduleInput = z.object({
  bookingId: recordId,
  startTime: instant("Pick a new time."),
});

/** The range of times to offer a customer moving their booking. */
export const rescheduleSlotsInput = customerBookingInput
  .extend(slotRange.shape)
  .superRefine(checkSlotRange);

/** A page of the host's bookings: upcoming or past, by status, 50 a page from page 1. */
export const hostBookingsInput = z.object({
  when: z.enum(["upcoming", "past"], { error: "Choose upcoming or past bookings." }),
  status: z
    .enum(["confirmed", "cancelled", "all"], { error: "Choose confirmed, cancelled or all." })
    .default("all"),
  page: z.coerce.number().int().min(1, "Pages start at 1.").max(10_000).default(1),
});

export type HostBookingsQuery = z.output<typeof hostBookingsInput>;
