import { z } from "zod";

const onOrOff = z.boolean({ error: "Choose on or off." });

/** Which emails TimeTap sends about the host's bookings: their own notices, customer reminders. */
export const emailSettingsInput = z.object({
  hostNotices: onOrOff,
  reminder24h: onOrOff,
  reminder1h: onOrOff,
});

export type EmailSettings = z.output<typeof emailSettingsInput>;
