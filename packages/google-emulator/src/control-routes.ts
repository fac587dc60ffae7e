import { ControlError } from "./control-input.ts";
import type { Controls } from "./controls.ts";
import { asRecord, parseBody, type ParsedRequest, type Reply } from "./http.ts";
import type {
  FailureSpec,
  HostEventSpec,
  Operation,
  PendingConferenceSpec,
  TimeRange,
} from "./types.ts";

export const controlPrefix = "/__control/";

const ok: Reply = { status: 200, json: { ok: true } };

type ControlHandler = (
  controls: Controls,
  body: Record<string, unknown>,
  req: ParsedRequest,
) => Reply;

/** HTTP mirror of the control methods for tests that run the emulator in another process. */
const handlers: Record<string, ControlHandler> = {
  "POST reset": (c) => (c.reset(), ok),
  "POST users": (c, b) => ({
    status: 200,
    json: c.createUser(b["email"] as string, b["name"] as string | undefined, {
      sub: b["sub"] as string | undefined,
      emailVerified: b["emailVerified"] as boolean | undefined,
    }),
  }),
  "POST refresh-tokens": (c, b) => ({
    status: 200,
    json: {
      refreshToken: c.issueRefreshToken(b["email"] as string, {
        scopes: b["scopes"] as string[] | undefined,
      }),
    },
  }),
  "POST busy": (c, b) => (c.addBusy(b["email"] as string, b as unknown as TimeRange), ok),
  "POST fail": (c, b) => (c.failNext(b["operation"] as Operation, b as unknown as FailureSpec), ok),
  "POST latency": (c, b) => (c.setLatency(b["operation"] as Operation, b["ms"] as number), ok),
  "POST hang": (c, b) => (
    c.hang(b["operation"] as Operation, (b["count"] as number | undefined) ?? 1),
    ok
  ),
  "POST conference-pending": (c, b) => (c.conferencePending(b as PendingConferenceSpec), ok),
  "POST revoke-user": (c, b) => (c.revokeUser(b["email"] as string), ok),
  "POST advance-time": (c, b) => (c.advanceTime(b["ms"] as number), ok),
  "GET requests": (c) => ({ status: 200, json: c.requests() }),
  "GET invitations": (c) => ({ status: 200, json: c.invitations() }),
  "GET events": (c, _b, req) => ({
    status: 200,
    json: c.events(
      req.url.searchParams.get("email") ?? "",
      req.url.searchParams.get("calendarId") ?? undefined,
    ),
  }),
  "POST calendars": (c, b) => ({
    status: 200,
    json: c.addCalendar(b["email"] as string, b["summary"] as string),
  }),
  "POST remove-calendar": (c, b) => (
    c.removeCalendar(b["email"] as string, b["calendarId"] as string),
    ok
  ),
  "POST host-events": (c, b) => ({
    status: 200,
    json: c.addEvent(b["email"] as string, b as unknown as HostEventSpec),
  }),
  "POST host-events/move": (c, b) => ({
    status: 200,
    json: c.moveEvent(b["email"] as string, b["eventId"] as string, b as unknown as HostEventSpec),
  }),
  "POST host-events/delete": (c, b) => (
    c.deleteEvent(
      b["email"] as string,
      b["eventId"] as string,
      b["calendarId"] as string | undefined,
    ),
    ok
  ),
  "GET channels": (c) => ({ status: 200, json: c.channels() }),
  "GET notifications": (c) => ({ status: 200, json: c.notifications() }),
};

export function handleControl(controls: Controls, req: ParsedRequest): Reply {
  const handler = handlers[`${req.method} ${req.url.pathname.slice(controlPrefix.length)}`];
  if (!handler)
    return { status: 404, json: { error: `No control route ${req.method} ${req.url.pathname}` } };
  // Only JSON: a page on another site can make a browser POST a form or text/plain to this
  // loopback port without asking, but not a JSON request (that needs a CORS preflight).
  if (req.method !== "GET" && !req.headers["content-type"]?.startsWith("application/json"))
    return {
      status: 415,
      json: { error: "Send control requests as JSON (Content-Type: application/json)." },
    };
  try {
    return handler(controls, asRecord(parseBody(req.rawBody, "application/json")) ?? {}, req);
  } catch (error) {
    if (error instanceof ControlError) return { status: 400, json: { error: error.message } };
    throw error;
  }
}
