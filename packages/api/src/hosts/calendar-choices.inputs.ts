import { z } from "zod";

const calendarId = z.string().trim().min(1, "Choose a calendar.").max(1024);

/** The host's choice: which calendars make them busy, and which one receives session events. */
export const calendarChoicesInput = z.object({
  busyCalendarIds: z
    .array(calendarId)
    .min(1, "Choose at least one calendar whose events make you busy.")
    .max(50, "Choose at most 50 calendars."),
  sessionCalendarId: calendarId,
});

export type CalendarChoicesInput = z.infer<typeof calendarChoicesInput>;
