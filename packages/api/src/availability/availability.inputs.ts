import { z } from "zod";
import { hostSlug, instant, recordId } from "../lib/inputs.ts";
import { bookingToken } from "../booking/booking.inputs.ts";
import { MAX_RANGE_DAYS } from "./slot-generation.ts";

export const slotsInput = z
  .object({
    hostSlug,
    packageId: recordId,
    from: instant("Give the start of the range as a date."),
    to: instant("Give the end of the range as a date."),
    /**
     * The booking being moved: its own time does not block the times offered. With its token for
     * the customer; without one, only its host (signed in or with an API key) may ask.
     */
    reschedule: z.object({ id: recordId, token: bookingToken.optional() }).optional(),
  })
  .refine((range) => range.to > range.from, {
    message: "The range must end after it starts.",
    path: ["to"],
  })
  .refine((range) => range.to.getTime() - range.from.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.`,
    path: ["to"],
  });

export type SlotQuery = z.output<typeof slotsInput>;
