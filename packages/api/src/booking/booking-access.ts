import type { SyncState } from "@timetap/db";
import type { ApiDeps } from "../deps.ts";
import type { Context } from "../context.ts";
import { requireScope } from "../hosts/api-key-scopes.ts";
import { authenticateHost } from "../hosts/host-auth.service.ts";
import { sameSecret } from "../lib/same-secret.ts";
import { NotFoundError } from "../lib/service-errors.ts";
import { calendarSyncState } from "../hosts/host-calendar.ts";

/** Who acts on a booking: the customer holding its token, or its host. */
export type BookingAccess = { by: "customer"; token: string } | { by: "host"; hostId: string };

/**
 * The access a request has to a booking it names: the customer's, with the token from their link;
 * without one, its host's, as the request authenticates (an API key needs "manage bookings"). A
 * caller who is neither gets the same NotFoundError as a wrong token.
 */
export async function accessOf(
  ctx: Pick<Context, "db" | "auth" | "clock" | "limits">,
  token: string | undefined,
): Promise<BookingAccess> {
  if (token !== undefined) return { by: "customer", token };
  const caller = await authenticateHost(ctx);
  if (!caller) throw new NotFoundError("Booking not found.");
  requireScope(caller, "manage_bookings");
  return { by: "host", hostId: caller.host.id };
}

/**
 * The booking, with what changing it needs, when `access` may act on it. Otherwise NotFoundError:
 * a wrong token and a missing booking look the same, so ids cannot be probed.
 */
export async function findBookingFor(
  { db }: Pick<ApiDeps, "db">,
  bookingId: string,
  access: BookingAccess,
) {
  const booking = await db.booking.findUnique({
    where: { id: bookingId },
    include: {
      host: {
        select: {
          slug: true,
          calendarStatus: true,
          googleRefreshToken: true,
          // What the change's emails need: the host's notice and the customer's reminders.
          email: true,
          hostNotices: true,
          reminder24h: true,
          reminder1h: true,
        },
      },
      calendarSyncs: { where: { action: "create" }, select: { state: true }, take: 1 },
    },
  });
  const allowed =
    booking &&
    (access.by === "customer"
      ? sameSecret(booking.accessToken, access.token)
      : booking.hostId === access.hostId);
  if (!allowed) throw new NotFoundError("Booking not found.");
  return booking;
}

/**
 * The state a follow-up sync (moving or removing the event) starts in. When the create sync was
 * skipped or refused, no event was ever made, so there is nothing to follow up.
 */
export function followUpSyncState(
  booking: Awaited<ReturnType<typeof findBookingFor>>,
): Extract<SyncState, "pending" | "parked" | "skipped"> {
  const createState = booking.calendarSyncs[0]?.state;
  if (createState === undefined || createState === "skipped" || createState === "failed")
    return "skipped";
  return calendarSyncState(booking.host);
}

/**
 * Counts a customer's change against their email's limit, so rotating addresses does not let a
 * script churn one customer's bookings; a host changing their own bookings is not limited.
 */
export async function countCustomerChange(
  { limits }: Pick<ApiDeps, "limits">,
  access: BookingAccess,
  customerEmail: string,
): Promise<void> {
  if (access.by === "customer")
    await limits.consume("bookingChangesPerEmail", customerEmail.toLowerCase());
}
