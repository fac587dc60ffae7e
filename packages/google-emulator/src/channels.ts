import { request } from "node:http";
import type { Calendar } from "./calendar-store.ts";
import type { Clock } from "./clock.ts";
import { channelResourceId } from "./random.ts";
import type { ChannelInfo, NotificationDelivery } from "./types.ts";

export interface Channel {
  id: string;
  resourceId: string;
  calendarId: string;
  owner: string;
  address: string;
  token: string | undefined;
  expiration: number;
  stopped: boolean;
  messageNumber: number;
}

/** Push channels (events.watch): Google POSTs an empty notification to the address on every change. */
export class Channels {
  private readonly channels = new Map<string, Channel>();
  private readonly resourceIds = new Map<string, string>();
  private readonly deliveries: NotificationDelivery[] = [];

  constructor(private readonly clock: Clock) {}

  reset(): void {
    this.channels.clear();
    this.resourceIds.clear();
    this.deliveries.length = 0;
  }

  has(id: string): boolean {
    return this.channels.has(id);
  }

  get(id: string): Channel | undefined {
    return this.channels.get(id);
  }

  /** One watched resource, one id: every channel on a calendar's events shares it. */
  resourceIdFor(calendar: Calendar): string {
    let id = this.resourceIds.get(calendar.id);
    if (!id) {
      id = channelResourceId();
      this.resourceIds.set(calendar.id, id);
    }
    return id;
  }

  open(channel: Omit<Channel, "stopped" | "messageNumber">): Channel {
    const opened = { ...channel, stopped: false, messageNumber: 0 };
    this.channels.set(opened.id, opened);
    this.send(opened, "sync");
    return opened;
  }

  live(channel: Channel): boolean {
    return !channel.stopped && this.clock.now() < channel.expiration;
  }

  /** After every change to the calendar: each live channel on it hears `exists`. */
  changed(calendar: Calendar): void {
    for (const channel of this.channels.values()) {
      if (channel.calendarId === calendar.id && this.live(channel)) this.send(channel, "exists");
    }
  }

  list(): ChannelInfo[] {
    return [...this.channels.values()].map((c) => ({
      id: c.id,
      calendarId: c.calendarId,
      address: c.address,
      expiration: new Date(c.expiration).toISOString(),
      stopped: c.stopped,
      live: this.live(c),
    }));
  }

  notifications(): NotificationDelivery[] {
    return structuredClone(this.deliveries);
  }

  private send(channel: Channel, state: "sync" | "exists"): void {
    channel.messageNumber += 1;
    const delivery: NotificationDelivery = {
      channelId: channel.id,
      resourceState: state,
      messageNumber: channel.messageNumber,
      status: null,
    };
    this.deliveries.push(delivery);
    const headers: Record<string, string> = {
      "x-goog-channel-id": channel.id,
      "x-goog-channel-expiration": new Date(channel.expiration).toUTCString(),
      "x-goog-message-number": String(channel.messageNumber),
      "x-goog-resource-id": channel.resourceId,
      "x-goog-resource-state": state,
      "x-goog-resource-uri": `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(channel.calendarId)}/events?alt=json`,
      ...(channel.token === undefined ? {} : { "x-goog-channel-token": channel.token }),
    };
    // Like Google: a plain server-to-server POST (no browser headers), whose answer is only
    // recorded; nothing is retried.
    const post = request(channel.address, { method: "POST", headers, timeout: 5_000 }, (res) => {
      delivery.status = res.statusCode ?? 0;
      res.resume();
    });
    post.on("timeout", () => post.destroy());
    post.on("error", () => {
      delivery.status = 0;
    });
    post.end();
  }
}
