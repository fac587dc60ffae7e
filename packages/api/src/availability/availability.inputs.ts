import { z } from "zod";
import { bookingToken, hostSlug, instant, recordId } from "../lib/inputs.ts";
import { MAX_RANGE_DAYS } from "./slot-generation.ts";

/** The range of start times asked for; `checkSlotRange` says whether it may be asked. */
export const slotRange = z.object({
  from: instant("Give the start of the range as a date."),
  to: instant("Give the end of the range as a date."),
});

export function checkSlotRange(range: z.output<typeof slotRange>, context: z.RefinementCtx) {
  if (range.to <= range.from)
    context.addIssue({
      code: "custom",
      message: "The range must end after it starts.",
      path: ["to"],
    });
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    context.addIssue({
      code: "custom",
      message: `Ask for at most ${MAX_RANGE_DAYS} days at a time.`,
      path: ["to"],
    });
}

export const slotsInput = z
  .object({
    hostSlug,
    packageId: recordId,
    ...slotRange.shape,
    /**
     * The booking being moved: its own time does not block the times offered. With its token for
     * the customer; without one, only its host (signed in or with an API key) may ask.
     */
    reschedule: z.object({ id: recordId, token: bookingToken.optional() }).optional(),
  })
  .superRefine(checkSlotRange);

export type SlotQuery = z.output<typeof slotsInput>;
