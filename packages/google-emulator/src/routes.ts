import { listCalendars } from "./calendar-list.ts";
import { stopChannel, watchEvents } from "./channel-routes.ts";
import { consentDecisionPath } from "./consent-page.ts";
import { deleteEvent, getEvent, insertEvent, patchEvent } from "./event-routes.ts";
import { listEvents } from "./event-list.ts";
import { queryFreeBusy } from "./freebusy.ts";
import type { ParsedRequest, Reply } from "./http.ts";
import { authorize, decide, revoke, token, userinfo } from "./oauth-routes.ts";
import type { EmulatorState } from "./state.ts";
import type { RecordedRequest } from "./types.ts";

interface Route {
  method: string;
  pattern: RegExp;
  operation: RecordedRequest["operation"];
  handle(state: EmulatorState, req: ParsedRequest, params: string[]): Reply;
}

const events = String.raw`^/calendar/v3/calendars/([^/]+)/events`;

const routes: Route[] = [
  {
    method: "GET",
    pattern: /^\/o\/oauth2\/v2\/auth$/,
    operation: "authorize",
    handle: (s, r) => authorize(s.oauth, r),
  },
  {
    method: "POST",
    pattern: new RegExp(`^${consentDecisionPath}$`),
    operation: "consent",
    handle: (s, r) => decide(s.oauth, r),
  },
  {
    method: "POST",
    pattern: /^\/token$/,
    operation: "token",
    handle: (s, r) => token(s.oauth, r, s.clock.now()),
  },
  {
    method: "POST",
    pattern: /^\/revoke$/,
    operation: "revoke",
    handle: (s, r) => revoke(s.oauth, r),
  },
  {
    method: "GET",
    pattern: /^\/oauth2\/v3\/userinfo$/,
    operation: "userinfo",
    handle: (s, r) => userinfo(s.oauth, r),
  },
  {
    method: "POST",
    pattern: /^\/calendar\/v3\/freeBusy$/,
    operation: "freebusy",
    handle: (s, r) => queryFreeBusy(s, r),
  },
  {
    method: "POST",
    pattern: new RegExp(`${events}$`),
    operation: "events.insert",
    handle: (s, r, [calendarId = ""]) => insertEvent(s, r, { calendarId }),
  },
  {
    method: "GET",
    pattern: new RegExp(`${events}$`),
    operation: "events.list",
    handle: (s, r, [calendarId = ""]) => listEvents(s, r, { calendarId }),
  },
  {
    method: "POST",
    pattern: new RegExp(`${events}/watch$`),
    operation: "events.watch",
    handle: (s, r, [calendarId = ""]) => watchEvents(s, r, { calendarId }),
  },
  {
    method: "POST",
    pattern: /^\/calendar\/v3\/channels\/stop$/,
    operation: "channels.stop",
    handle: (s, r) => stopChannel(s, r),
  },
  {
    method: "GET",
    pattern: /^\/calendar\/v3\/users\/me\/calendarList$/,
    operation: "calendarList.list",
    handle: (s, r) => listCalendars(s, r),
  },
  {
    method: "GET",
    pattern: new RegExp(`${events}/([^/]+)$`),
    operation: "events.get",
    handle: (s, r, [calendarId = "", eventId]) => getEvent(s, r, { calendarId, eventId }),
  },
  {
    method: "PATCH",
    pattern: new RegExp(`${events}/([^/]+)$`),
    operation: "events.patch",
    handle: (s, r, [calendarId = "", eventId]) => patchEvent(s, r, { calendarId, eventId }),
  },
  {
    method: "DELETE",
    pattern: new RegExp(`${events}/([^/]+)$`),
    operation: "events.delete",
    handle: (s, r, [calendarId = "", eventId]) => deleteEvent(s, r, { calendarId, eventId }),
  },
];

export function findRoute(
  method: string,
  pathname: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.method === method ? route.pattern.exec(pathname) : null;
    if (match) return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}
