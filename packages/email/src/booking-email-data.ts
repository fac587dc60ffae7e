/** What every email about a booking says it about; the API reads it from the booking. */
export interface BookingEmailData {
  /** The event's iCalendar UID: the same in every .ics about this booking. */
  uid: string;
  /** Bumped by each change to the event, so calendars apply them in order. */
  sequence: number;
  /** DTSTAMP: when the booking was made, so every attempt renders the same invitation. */
  stamp: Date;
  host: { name: string; email: string; timeZone: string };
  customer: { name: string | null; email: string; timeZone: string | null };
  packageName: string;
  start: Date;
  end: Date;
  meetLink: string | null;
  /** The customer's page for this booking, with its token. */
  manageUrl: string;
}

/** An email's content, before it is addressed. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  calendar: { method: "REQUEST" | "CANCEL"; content: string };
}
