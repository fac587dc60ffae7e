import { loadOr404 } from "~/load-or-404.server";
import type { apiFor } from "~/trpc.server";

/** A booking addressed by its id and access token, as the customer's link carries them. */
export interface CustomerBookingRef {
  id: string;
  token: string;
}

/** The customer's booking and whether it still stands; a wrong id or token is the 404 page. */
export async function loadCustomerBooking(
  api: Awaited<ReturnType<typeof apiFor>>,
  which: CustomerBookingRef,
) {
  const [booking, status] = await loadOr404(() =>
    Promise.all([api.booking.get(which), api.booking.status(which)]),
  );
  return { booking, status };
}
