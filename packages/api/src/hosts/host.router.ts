import { z } from "zod";
import { cancelBooking } from "../booking/booking-cancellation.service.ts";
import { rescheduleBooking } from "../booking/booking-reschedule.service.ts";
import { completeOnboarding, disconnectCalendar } from "./host-account.service.ts";
import { upcomingBookings } from "../booking/host-bookings.service.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.service.ts";
import { hostProcedure, router, signedInHostProcedure } from "../trpc.ts";
import { getWeeklyHours, updateWeeklyHours } from "./weekly-hours.service.ts";
import { instant, newHostSlug, recordId, timeZone, weeklyHoursInput } from "../lib/inputs.ts";
import { mapServiceErrors } from "../routers/map-errors.ts";

export const onboardingInput = z.object({
  slug: newHostSlug,
  name: z.string().trim().min(1, "Enter your name.").max(120),
  timeZone,
});

export const hostRouter = router({
  me: hostProcedure.query(({ ctx: { host } }) => ({
    id: host.id,
    name: host.name,
    email: host.email,
    slug: host.slug,
    timeZone: host.timeZone,
    calendarStatus: host.calendarStatus,
  })),
  upcomingBookings: hostProcedure.query(({ ctx }) => upcomingBookings(ctx, ctx.host.id)),
  cancelBooking: hostProcedure
    .input(z.object({ bookingId: recordId }))
    .mutation(({ ctx, input }) =>
      mapServiceErrors(() =>
        cancelBooking(ctx, { bookingId: input.bookingId, by: "host", hostId: ctx.host.id }),
      ),
    ),
  rescheduleBooking: hostProcedure
    .input(z.object({ bookingId: recordId, startTime: instant("Pick a new time.") }))
    .mutation(({ ctx, input }) =>
      mapServiceErrors(() => rescheduleBooking(ctx, { ...input, by: "host", hostId: ctx.host.id })),
    ),
  weeklyHours: hostProcedure.query(({ ctx }) => getWeeklyHours(ctx, ctx.host.id)),
  updateWeeklyHours: hostProcedure
    .input(weeklyHoursInput)
    .mutation(({ ctx, input }) => updateWeeklyHours(ctx, ctx.host.id, input)),
  apiKeys: signedInHostProcedure.query(({ ctx }) => listApiKeys(ctx, ctx.host.id)),
  createApiKey: signedInHostProcedure
    .input(z.object({ name: z.string().trim().min(1, "Name the key.").max(60) }))
    .mutation(({ ctx, input }) => createApiKey(ctx, ctx.host.id, input.name)),
  revokeApiKey: signedInHostProcedure
    .input(z.object({ id: recordId }))
    .mutation(({ ctx, input }) => mapServiceErrors(() => revokeApiKey(ctx, ctx.host.id, input.id))),
  completeOnboarding: hostProcedure
    .input(onboardingInput)
    .mutation(({ ctx, input }) =>
      mapServiceErrors(() => completeOnboarding(ctx, ctx.host.id, input)),
    ),
  disconnectCalendar: hostProcedure.mutation(async ({ ctx }) => {
    const host = await mapServiceErrors(() => disconnectCalendar(ctx, ctx.host.id));
    return { calendarStatus: host.calendarStatus };
  }),
});
