import { authenticate, requireCalendar, type CalendarContext } from "./calendar-context.ts";
import type { Channels } from "./channels.ts";
import { GoogleError } from "./google-error.ts";
import { asRecord, stringField, type ParsedRequest, type Reply } from "./http.ts";
import { eventReadScopes } from "./scopes.ts";

/** Google's default lifetime of an events channel, and the longest it grants. */
const defaultTtlSeconds = 7 * 24 * 3600;
const maxTtlSeconds = 30 * 24 * 3600;

type ChannelContext = CalendarContext & { channels: Channels };

function expirationOf(body: Record<string, unknown>, now: number): number {
  const ttl = Number(stringField(asRecord(body["params"]), "ttl") ?? defaultTtlSeconds);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new GoogleError(400, "invalid", "Invalid value for: params.ttl");
  const requested =
    body["expiration"] === undefined ? now + ttl * 1000 : Number(body["expiration"]);
  if (!Number.isFinite(requested) || requested <= now)
    throw new GoogleError(400, "invalid", "Invalid value for: expiration");
  return Math.min(requested, now + maxTtlSeconds * 1000);
}

/**
 * events.watch. Unlike Google, a plain-http address is accepted: in development the app listens
 * on loopback without TLS.
 */
export function watchEvents(
  ctx: ChannelContext,
  req: ParsedRequest,
  path: { calendarId: string },
): Reply {
  const email = authenticate(ctx, req, eventReadScopes);
  const calendar = requireCalendar(ctx, email, path.calendarId);
  const body = asRecord(req.body);
  if (!body) throw new GoogleError(400, "parseError", "Parse Error");
  const id = stringField(body, "id");
  if (!id || !/^[A-Za-z0-9\-_+/=]{1,64}$/.test(id))
    throw new GoogleError(400, "invalid", "Invalid value for: id");
  const type = stringField(body, "type");
  if (type !== "web_hook" && type !== "webhook")
    throw new GoogleError(400, "invalid", "Invalid value for: type");
  const address = stringField(body, "address") ?? "";
  if (!URL.canParse(address) || !/^https?:$/.test(new URL(address).protocol))
    throw new GoogleError(400, "invalid", "Invalid value for: address");
  if (ctx.channels.has(id))
    throw new GoogleError(400, "channelIdNotUnique", `Channel id ${id} not unique`);
  const token = stringField(body, "token");
  const channel = ctx.channels.open({
    id,
    resourceId: ctx.channels.resourceIdFor(calendar),
    calendarId: calendar.id,
    owner: email,
    address,
    token,
    expiration: expirationOf(body, ctx.clock.now()),
  });
  return {
    status: 200,
    json: {
      kind: "api#channel",
      id: channel.id,
      resourceId: channel.resourceId,
      resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(calendar.id)}/events?alt=json`,
      ...(token === undefined ? {} : { token }),
      expiration: String(channel.expiration),
    },
  };
}

/** channels.stop: only the caller's own channel, named by id and resource id together. */
export function stopChannel(ctx: ChannelContext, req: ParsedRequest): Reply {
  const email = authenticate(ctx, req, eventReadScopes);
  const body = asRecord(req.body);
  const id = stringField(body, "id") ?? "";
  const channel = ctx.channels.get(id);
  if (
    !channel ||
    channel.stopped ||
    channel.owner !== email ||
    channel.resourceId !== stringField(body, "resourceId")
  )
    throw new GoogleError(404, "notFound", `Channel '${id}' not found for project`);
  channel.stopped = true;
  return { status: 204 };
}
