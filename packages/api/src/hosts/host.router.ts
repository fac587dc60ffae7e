import { z } from "zod";
import { cancelBooking } from "../booking/booking-cancellation.service.ts";
import { hostBookingsInput, hostRescheduleInput } from "../booking/booking.inputs.ts";
import { rescheduleBooking } from "../booking/booking-reschedule.service.ts";
import { hostBooking, hostBookings, upcomingBookings } from "../booking/host-bookings.service.ts";
import { acceptGoogleTime } from "../calendar-push/accept-google-time.service.ts";
import { putEventBack } from "../calendar-push/calendar-issue.service.ts";
import { retrySync } from "../calendar-sync/retry-sync.service.ts";
import { recordId } from "../lib/inputs.ts";
import { hostProcedure, router, scopedHostProcedure, signedInHostProcedure } from "../trpc.ts";
import { bookingLimitsInput, updatePackageLimitsInput } from "./booking-limits.inputs.ts";
import {
  getBookingLimits,
  updateBookingLimits,
  updatePackageLimits,
} from "./booking-limits.service.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.service.ts";
import { dateHoursInput, daysOffInput } from "./date-override.inputs.ts";
import {
  addDaysOff,
  listDateOverrides,
  removeDateOverride,
  setDateHours,
} from "./date-overrides.service.ts";
import { calendarChoicesInput } from "./calendar-choices.inputs.ts";
import { getCalendarChoices, updateCalendarChoices } from "./calendar-choices.service.ts";
import { emailSettingsInput } from "./email-settings.inputs.ts";
import { getEmailSettings, updateEmailSettings } from "./email-settings.service.ts";
import { completeOnboarding } from "./host-account.service.ts";
import { endAllSessions, listSessions } from "./host-sessions.service.ts";
import { disconnectCalendar } from "./host-calendar.ts";
import { updateProfile } from "./host-profile.service.ts";
import { apiKeyInput, onboardingInput, weeklyHoursInput } from "./host.inputs.ts";
import { createPackageInput, reorderPackagesInput, updatePackageInput } from "./package.inputs.ts";
import {
  archivePackage,
  createPackage,
  listPackages,
  reorderPackages,
  updatePackage,
} from "./packages.service.ts";
import { getWeeklyHours, updateWeeklyHours } from "./weekly-hours.service.ts";

// An API key reaches `me` whatever its scopes, bookings and settings only with the scope its host
// ticked; keys, sessions, onboarding and the Google connection are for a signed-in host alone.
const readBookings = scopedHostProcedure("read_bookings");
const manageBookings = scopedHostProcedure("manage_bookings");
const manageSettings = scopedHostProcedure("manage_settings");

export const hostRouter = router({
  me: hostProcedure.query(({ ctx: { host } }) => ({
    id: host.id,
    name: host.name,
    email: host.email,
    slug: host.slug,
    timeZone: host.timeZone,
    calendarStatus: host.calendarStatus,
  })),
  upcomingBookings: readBookings.query(({ ctx }) => upcomingBookings(ctx, ctx.host.id)),
  bookings: readBookings
    .input(hostBookingsInput)
    .query(({ ctx, input }) => hostBookings(ctx, ctx.host.id, input)),
  booking: readBookings
    .input(z.object({ bookingId: recordId }))
    .query(({ ctx, input }) => hostBooking(ctx, ctx.host.id, input.bookingId)),
  retrySync: manageBookings
    .input(z.object({ bookingId: recordId }))
    .mutation(({ ctx, input }) => retrySync(ctx, ctx.host.id, input.bookingId)),
  cancelBooking: manageBookings
    .input(z.object({ bookingId: recordId }))
    .mutation(({ ctx, input }) =>
      cancelBooking(ctx, { bookingId: input.bookingId, by: "host", hostId: ctx.host.id }),
    ),
  rescheduleBooking: manageBookings
    .input(hostRescheduleInput)
    .mutation(({ ctx, input }) =>
      rescheduleBooking(ctx, { ...input, by: "host", hostId: ctx.host.id }),
    ),
  weeklyHours: manageSettings.query(({ ctx }) => getWeeklyHours(ctx, ctx.host.id)),
  updateWeeklyHours: manageSettings
    .input(weeklyHoursInput)
    .mutation(({ ctx, input }) => updateWeeklyHours(ctx, ctx.host.id, input)),
  bookingLimits: manageSettings.query(({ ctx }) => getBookingLimits(ctx, ctx.host.id)),
  updateBookingLimits: manageSettings
    .input(bookingLimitsInput)
    .mutation(({ ctx, input }) => updateBookingLimits(ctx, ctx.host.id, input)),
  updatePackageLimits: manageSettings
    .input(updatePackageLimitsInput)
    .mutation(({ ctx, input }) => updatePackageLimits(ctx, ctx.host.id, input)),
  emailSettings: manageSettings.query(({ ctx }) => getEmailSettings(ctx, ctx.host.id)),
  updateEmailSettings: manageSettings
    .input(emailSettingsInput)
    .mutation(({ ctx, input }) => updateEmailSettings(ctx, ctx.host.id, input)),
  packages: manageSettings.query(({ ctx }) => listPackages(ctx, ctx.host.id)),
  createPackage: manageSettings
    .input(createPackageInput)
    .mutation(({ ctx, input }) => createPackage(ctx, ctx.host.id, input)),
  updatePackage: manageSettings
    .input(updatePackageInput)
    .mutation(({ ctx, input }) => updatePackage(ctx, ctx.host.id, input)),
  reorderPackages: manageSettings
    .input(reorderPackagesInput)
    .mutation(({ ctx, input }) => reorderPackages(ctx, ctx.host.id, input.packageIds)),
  archivePackage: manageSettings
    .input(z.object({ packageId: recordId }))
    .mutation(({ ctx, input }) => archivePackage(ctx, ctx.host.id, input.packageId)),
  dateOverrides: manageSettings.query(({ ctx }) => listDateOverrides(ctx, ctx.host.id)),
  addDaysOff: manageSettings
    .input(daysOffInput)
    .mutation(({ ctx, input }) => addDaysOff(ctx, ctx.host.id, input)),
  setDateHours: manageSettings
    .input(dateHoursInput)
    .mutation(({ ctx, input }) => setDateHours(ctx, ctx.host.id, input)),
  removeDateOverride: manageSettings
    .input(z.object({ id: recordId }))
    .mutation(({ ctx, input }) => removeDateOverride(ctx, ctx.host.id, input.id)),
  updateProfile: manageSettings.input(onboardingInput).mutation(async ({ ctx, input }) => {
    const host = await updateProfile(ctx, ctx.host.id, input);
    return { name: host.name, slug: host.slug, timeZone: host.timeZone };
  }),
  apiKeys: signedInHostProcedure.query(({ ctx }) => listApiKeys(ctx, ctx.host.id)),
  createApiKey: signedInHostProcedure
    .input(apiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx, ctx.host.id, input)),
  revokeApiKey: signedInHostProcedure
    .input(z.object({ id: recordId }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx, ctx.host.id, input.id)),
  sessions: signedInHostProcedure.query(({ ctx }) =>
    listSessions(ctx, ctx.host.id, ctx.auth.sessionId),
  ),
  signOutEverywhere: signedInHostProcedure.mutation(({ ctx }) => endAllSessions(ctx, ctx.host.id)),
  completeOnboarding: signedInHostProcedure
    .input(onboardingInput)
    .mutation(({ ctx, input }) => completeOnboarding(ctx, ctx.host.id, input)),
  disconnectCalendar: signedInHostProcedure.mutation(async ({ ctx }) => {
    const host = await disconnectCalendar(ctx, ctx.host.id);
    return { calendarStatus: host.calendarStatus };
  }),
  calendars: hostProcedure.query(({ ctx }) => getCalendarChoices(ctx, ctx.host.id)),
  updateCalendars: hostProcedure
    .input(calendarChoicesInput)
    .mutation(({ ctx, input }) => updateCalendarChoices(ctx, ctx.host.id, input)),
  putEventBack: hostProcedure
    .input(z.object({ bookingId: recordId }))
    .mutation(({ ctx, input }) => putEventBack(ctx, ctx.host.id, input.bookingId)),
  acceptGoogleTime: manageBookings
    .input(z.object({ bookingId: recordId }))
    .mutation(({ ctx, input }) => acceptGoogleTime(ctx, ctx.host.id, input.bookingId)),
});
