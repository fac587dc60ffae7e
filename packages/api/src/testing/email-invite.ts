import ical from "node-ical";
import type { CaughtMessage } from "@timetap/email/catcher";

/** The invite.ics a caught email carries, raw and parsed back into its VEVENT. */
export function inviteOf(message: Pick<CaughtMessage, "attachments"> | undefined) {
  const content = message?.attachments.find((a) => a.filename === "invite.ics")?.content ?? "";
  const event = Object.values(ical.sync.parseICS(content)).find((e) => e?.type === "VEVENT");
  if (event?.type !== "VEVENT") throw new Error("the email has no invite.ics with an event");
  return { content, event, sequence: Number(event.sequence) };
}
