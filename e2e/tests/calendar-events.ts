import { expect } from "@playwright/test";
import type { EventResource } from "@timetap/google-emulator";
import { emulatorUrl } from "../playwright.config.ts";

/** The events on `hostEmail`'s calendar in the Google emulator that invite `attendee`. */
export async function eventsWith(hostEmail: string, attendee: string) {
  const response = await fetch(
    `${emulatorUrl}/__control/events?email=${encodeURIComponent(hostEmail)}`,
  );
  expect(response.ok, "emulator events").toBe(true);
  const events = (await response.json()) as EventResource[];
  return events.filter((event) =>
    (event["attendees"] as Array<{ email: string }> | undefined)?.some(
      (guest) => guest.email === attendee,
    ),
  );
}
