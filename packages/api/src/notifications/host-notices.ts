import { randomUUID } from "node:crypto";
import type { EmailKind, Host } from "@timetap/db";
import {
  hostBookingCancelledEmail,
  hostBookingMovedEmail,
  hostBookingNewEmail,
  messageIdFor,
  type BookingEmailData,
} from "@timetap/email";
import type { ApiDeps } from "../deps.ts";

/** The templates of the notices a host gets about their bookings, by kind. */
const hostNoticeTemplates = {
  host_booking_new: hostBookingNewEmail,
  host_booking_cancelled: hostBookingCancelledEmail,
  host_booking_moved: hostBookingMovedEmail,
} satisfies Partial<Record<EmailKind, unknown>>;

export type HostNoticeKind = keyof typeof hostNoticeTemplates;

export const isHostNotice = (kind: EmailKind): kind is HostNoticeKind =>
  kind in hostNoticeTemplates;

/** A notice rendered for the host, linking to their dashboard. */
export const renderHostNotice = (
  { appUrl }: Pick<ApiDeps, "appUrl">,
  kind: HostNoticeKind,
  booking: BookingEmailData,
) => hostNoticeTemplates[kind](booking, { dashboardUrl: `${appUrl}/dashboard` });

/**
 * The outbox row of a notice to the host about a change to their booking, to be created in the
 * same write as the change; none when the host turned notices off. A booking is made and cancelled
 * once, but may move many times (even back to a time it had): each move's notice carries its own
 * row's id in its Message-ID.
 */
export function hostNoticeEmails(
  deps: Pick<ApiDeps, "mailer" | "clock">,
  booking: { id: string },
  host: Pick<Host, "email" | "hostNotices">,
  kind: HostNoticeKind,
) {
  if (!host.hostNotices) return [];
  const id = randomUUID();
  const variant = kind === "host_booking_moved" ? `${kind}.${id}` : kind;
  return [
    {
      id,
      kind,
      recipient: host.email,
      messageId: messageIdFor(booking.id, variant, deps.mailer.from),
      nextAttemptAt: deps.clock.now(),
    },
  ];
}
