import { formatLongDate, formatTime } from "~/components/booking/time";

interface SignedInSession {
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** One line per signed-in browser (times in the host's zone): what it is, when it signed in, when it was last used. */
export function SignedInSessions({
  sessions,
  timeZone,
}: {
  sessions: SignedInSession[];
  timeZone: string;
}) {
  const when = (instant: Date) =>
    `${formatLongDate(instant, timeZone)}, ${formatTime(instant, timeZone)}`;
  return (
    <ul className="mt-4 divide-y divide-tt-border text-sm">
      {sessions.map((session, index) => (
        <li key={index} className="py-3">
          <p className="font-medium">
            {session.userAgent ?? "Unknown browser"}
            {session.current ? " (this browser)" : null}
          </p>
          <p className="text-tt-text-muted">
            Signed in {when(session.createdAt)} · last used {when(session.lastSeenAt)}
          </p>
        </li>
      ))}
    </ul>
  );
}
