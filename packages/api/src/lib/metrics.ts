import type { PrismaClient } from "@timetap/db";
import type { GoogleCallOutcome } from "@timetap/google";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Clock } from "./clock.ts";

/** Seconds; Google calls end within their 10 s deadline, pages well under a second. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics, in a registry of its own (tests build many processes' worth in
 * one). Counters are bumped where things happen; the outbox gauges are read from the database when
 * `/metrics` is scraped, so every process reports the same shared outbox.
 */
export function createMetrics({ db, clock }: { db: PrismaClient; clock: Clock }) {
  const registry = new Registry();
  const registers = [registry];
  // Node's own: memory, CPU, event-loop lag (timetap_process_resident_memory_bytes, …).
  collectDefaultMetrics({ register: registry, prefix: "timetap_" });

  const googleCalls = new Counter({
    name: "timetap_google_calls_total",
    help: "Calls to Google by operation and outcome (ok, retryable, revoked, permanent).",
    labelNames: ["operation", "outcome"] as const,
    registers,
  });
  const googleSeconds = new Histogram({
    name: "timetap_google_call_seconds",
    help: "Time each Google call took, failures included.",
    labelNames: ["operation"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const bookingsCreated = new Counter({
    name: "timetap_bookings_created_total",
    help: "Bookings confirmed by booking.create.",
    registers,
  });
  const bookingConflicts = new Counter({
    name: "timetap_booking_conflicts_total",
    help: "booking.create and booking.reschedule calls refused because the time was taken or full.",
    labelNames: ["procedure"] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: "timetap_rate_limited_total",
    help: "Requests refused by an abuse limit, by limit.",
    labelNames: ["limit"] as const,
    registers,
  });
  const httpSeconds = new Histogram({
    name: "timetap_http_request_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status class.",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });

  new Gauge({
    name: "timetap_outbox_rows",
    help: "Outbox rows by outbox (calendar_sync, email), state and kind.",
    labelNames: ["outbox", "state", "kind"] as const,
    registers,
    async collect() {
      this.reset();
      const [syncs, emails] = await Promise.all([
        db.calendarSync.groupBy({ by: ["state", "action"], _count: { _all: true } }),
        db.email.groupBy({ by: ["state", "kind"], _count: { _all: true } }),
      ]);
      for (const row of syncs)
        this.set({ outbox: "calendar_sync", state: row.state, kind: row.action }, row._count._all);
      for (const row of emails)
        this.set({ outbox: "email", state: row.state, kind: row.kind }, row._count._all);
    },
  });
  new Gauge({
    name: "timetap_outbox_oldest_due_seconds",
    help: "How long the oldest pending row that is due has waited (0 when none is due).",
    labelNames: ["outbox"] as const,
    registers,
    async collect() {
      const now = clock.now();
      const due = { state: "pending" as const, nextAttemptAt: { lte: now } };
      const [sync, email] = await Promise.all([
        db.calendarSync.aggregate({ where: due, _min: { nextAttemptAt: true } }),
        db.email.aggregate({ where: due, _min: { nextAttemptAt: true } }),
      ]);
      const age = (oldest: Date | null) =>
        oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0;
      this.set({ outbox: "calendar_sync" }, age(sync._min.nextAttemptAt));
      this.set({ outbox: "email" }, age(email._min.nextAttemptAt));
    },
  });

  return {
    /** The text a Prometheus server scrapes. */
    render: () => registry.metrics(),
    contentType: registry.contentType,
    /** Passed to the Google client as its `onCall`. */
    observeGoogleCall({ operation, outcome, seconds }: GoogleCallOutcome) {
      googleCalls.inc({ operation, outcome });
      googleSeconds.observe({ operation }, seconds);
    },
    bookingCreated: () => bookingsCreated.inc(),
    bookingConflict: (procedure: string) => bookingConflicts.inc({ procedure }),
    rateLimited: (limit: string) => rateLimited.inc({ limit }),
    observeHttp(labels: { method: string; route: string; status: number }, seconds: number) {
      httpSeconds.observe(
        {
          method: labels.method,
          route: labels.route,
          status: `${Math.floor(labels.status / 100)}xx`,
        },
        seconds,
      );
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
