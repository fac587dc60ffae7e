import type { BusyTime } from "@timetap/google";
import { LRUCache } from "lru-cache";
import type { Clock } from "../lib/clock.ts";
import type { Interval } from "./slot-generation.ts";

const DAY_MS = 24 * 60 * 60_000;
/**
 * One lookup covers this much from the start of the first day asked for: more than any window a
 * request may ask for (62 days and its buffers), so browsing a host's weeks reuses it, and within
 * Google's freeBusy limit of 90 days.
 */
export const BUSY_SPAN_DAYS = 64;

/** The busy times Google gave for one host over `span`. */
interface HostBusy {
  span: Interval;
  busy: BusyTime[];
}

/** A lookup under way, which every concurrent miss it covers awaits instead of asking again. */
interface Lookup {
  span: Interval;
  promise: Promise<BusyTime[]>;
}

const covers = (span: Interval, window: Interval) =>
  span.start.getTime() <= window.start.getTime() && window.end.getTime() <= span.end.getTime();

/**
 * Google busy times per host, for `ttlMs` of the API clock: one lookup of BUSY_SPAN_DAYS serves
 * every window inside it; concurrent misses share one Google call; at most `maxHosts` hosts are
 * held (least recently used go first). `drop` forgets a host's times and any lookup under way.
 */
export class BusyTimesCache {
  readonly #hosts: LRUCache<string, HostBusy>;
  readonly #inFlight = new Map<string, Lookup>();

  constructor(ttlMs: number, clock: Clock, maxHosts = 10_000) {
    this.#hosts = new LRUCache({
      max: maxHosts,
      ttl: ttlMs,
      perf: { now: () => clock.now().getTime() },
      // Read the clock at every check: lru-cache would otherwise reuse one reading for a
      // millisecond of real time, across a pinned clock being moved.
      ttlResolution: 0,
    });
  }

  /**
   * The host's busy times overlapping `window`: cached, joined to a lookup under way, or fetched
   * with `fetch` over the span starting at the window's first UTC day.
   */
  get(
    hostId: string,
    window: Interval,
    fetch: (span: Interval) => Promise<BusyTime[]>,
  ): Promise<BusyTime[]> {
    const cached = this.#hosts.get(hostId);
    if (cached && covers(cached.span, window)) return Promise.resolve(within(cached.busy, window));
    const running = this.#inFlight.get(hostId);
    if (running && covers(running.span, window))
      return running.promise.then((busy) => within(busy, window));

    const start = new Date(Math.floor(window.start.getTime() / DAY_MS) * DAY_MS);
    const end = new Date(Math.max(window.end.getTime(), start.getTime() + BUSY_SPAN_DAYS * DAY_MS));
    const lookup: Lookup = { span: { start, end }, promise: fetch({ start, end }) };
    this.#inFlight.set(hostId, lookup);
    const settle = () => {
      if (this.#inFlight.get(hostId) === lookup) this.#inFlight.delete(hostId);
    };
    lookup.promise.then((busy) => {
      // Dropped meanwhile: the calendar changed after this lookup was asked for.
      if (this.#inFlight.get(hostId) === lookup)
        this.#hosts.set(hostId, { span: lookup.span, busy });
      settle();
    }, settle);
    return lookup.promise.then((busy) => within(busy, window));
  }

  /** The host's calendar changed: forget its times and any lookup under way. */
  drop(hostId: string): void {
    this.#hosts.delete(hostId);
    this.#inFlight.delete(hostId);
  }

  /** Changes may have gone unheard (host-changed.ts): forget every host's times. */
  clear(): void {
    this.#hosts.clear();
    this.#inFlight.clear();
  }

  /** When the host's cached times run out (asked again after), or null when none are held. */
  validUntil(hostId: string, now: Date): Date | null {
    const left = this.#hosts.getRemainingTTL(hostId);
    return left > 0 && Number.isFinite(left) ? new Date(now.getTime() + left) : null;
  }
}

function within(busy: BusyTime[], window: Interval): BusyTime[] {
  return busy.filter((b) => b.start < window.end && window.start < b.end);
}
