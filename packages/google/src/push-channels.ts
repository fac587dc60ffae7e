import type { CalendarConnect } from "./calendar-connection.ts";
import { GoogleApiError } from "./errors.ts";
import { googleCall, type CallContext } from "./google-call.ts";

export interface WatchRequest {
  calendarId: string;
  /** Ours to choose, unique per channel; notifications name it. */
  channelId: string;
  /** Sent back with every notification, so a notification proves it comes from this channel. */
  token: string;
  /** Where Google POSTs notifications. */
  address: string;
  /** How long the channel should live; Google may grant less. */
  ttlSeconds: number;
}

export interface OpenedChannel {
  channelId: string;
  /** Google's id of the watched resource; needed to stop the channel. */
  resourceId: string;
  /** When Google stops sending, in Google's clock. */
  expiresAt: Date;
}

const isGone = (error: GoogleApiError) => error.status === 404;

export function createPushChannels(connect: CalendarConnect, context: CallContext) {
  /** events.watch: Google will POST to `address` whenever an event of the calendar changes. */
  async function watchCalendar(
    refreshToken: string,
    request: WatchRequest,
  ): Promise<OpenedChannel> {
    const { api, secrets } = await connect(refreshToken);
    const { data } = await googleCall(
      context,
      "events.watch",
      [...secrets, request.token],
      (signal) =>
        api.events.watch(
          {
            calendarId: request.calendarId,
            requestBody: {
              id: request.channelId,
              type: "web_hook",
              address: request.address,
              token: request.token,
              params: { ttl: String(request.ttlSeconds) },
            },
          },
          { signal },
        ),
    );
    if (!data.resourceId || !data.expiration)
      throw new GoogleApiError({
        kind: "permanent",
        operation: "events.watch",
        reason: "incompleteChannel",
        message: "Google events.watch returned no resource id or expiration",
      });
    return {
      channelId: request.channelId,
      resourceId: data.resourceId,
      expiresAt: new Date(Number(data.expiration)),
    };
  }

  /** channels.stop; a channel Google no longer knows (expired, stopped) is already stopped. */
  async function stopChannel(
    refreshToken: string,
    channel: { channelId: string; resourceId: string },
  ): Promise<void> {
    const { api, secrets } = await connect(refreshToken);
    try {
      await googleCall(
        context,
        "channels.stop",
        secrets,
        (signal) =>
          api.channels.stop(
            { requestBody: { id: channel.channelId, resourceId: channel.resourceId } },
            { signal },
          ),
        isGone,
      );
    } catch (error) {
      if (error instanceof GoogleApiError && isGone(error)) return;
      throw error;
    }
  }

  return { watchCalendar, stopChannel };
}
