import type { CalendarStore, Calendar } from "./calendar-store.ts";
import type { Clock } from "./clock.ts";
import { GoogleError } from "./google-error.ts";
import { bearerToken, type ParsedRequest } from "./http.ts";
import type { Journal } from "./journal.ts";
import type { OAuthStore } from "./oauth-store.ts";

export interface CalendarContext {
  clock: Clock;
  oauth: OAuthStore;
  calendars: CalendarStore;
  journal: Journal;
}

/** The caller's email, after the same token and scope checks Google makes. */
export function authenticate(
  ctx: CalendarContext,
  req: ParsedRequest,
  allowedScopes: string[],
): string {
  const session = ctx.oauth.authenticate(bearerToken(req.headers) ?? "");
  if (!session) {
    throw new GoogleError(
      401,
      "authError",
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
    );
  }
  if (!session.scopes.some((s) => allowedScopes.includes(s))) {
    throw new GoogleError(
      403,
      "insufficientPermissions",
      "Request had insufficient authentication scopes.",
    );
  }
  return session.user.email;
}

/** Only the caller's own calendars exist for it: `primary` (or its email) and its secondary ones. */
export function ownCalendar(
  ctx: CalendarContext,
  email: string,
  calendarId: string,
): Calendar | undefined {
  return ctx.calendars.find(email, calendarId);
}

export function requireCalendar(ctx: CalendarContext, email: string, calendarId: string): Calendar {
  const calendar = ownCalendar(ctx, email, calendarId);
  if (!calendar) throw new GoogleError(404, "notFound", "Not Found");
  return calendar;
}
