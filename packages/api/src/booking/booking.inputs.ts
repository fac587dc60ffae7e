import { z } from "zod";
import { checkSlotRange, slotRange } from "../availability/availability.inputs.ts";
import { hostSlug, instant, recordId } from "../lib/inputs.ts";

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

export type CreateBookingInput = z.output<typeof createBookingInput>;

/** The customer's handle on their booking: its id and the unguessable token from their link. */
export const customerBookingInput = z.object({ id: recordId, token: z.string().min(1).max(200) });

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
