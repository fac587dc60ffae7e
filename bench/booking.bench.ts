// `pnpm bench`: the booking path over HTTP against the production server, each figure beside a
// yardstick measured in the same run on the same machine and database. Embedded PGlite by
// default; with TEST_DATABASE_URL, a fresh database on that PostgreSQL server as well.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { createDb } from "@timetap/db";
import { startEmulator } from "@timetap/google-emulator";
import {
  DAY_MS,
  freshDatabase,
  HOUR_MS,
  NOW,
  seed,
  BACKLOG_EMAIL_PREFIX,
  SYNC_BOOKINGS,
  syncBacklog,
  TOKEN_KEY,
  type BenchDatabase,
  type BenchHost,
} from "./bench-data.ts";
import { cpuText, withCpuTime, type CpuPerRequest } from "./cpu-time.ts";
import { load, median, timedFetch, type LoadResult } from "./load.ts";
import { startBaseline, startWebServer, startWorker, webDir, type Child } from "./processes.ts";
import { trpcBody, trpcQueryPath } from "./trpc-wire.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const GOOGLE_LATENCY_MS = 300;
const WARM_UP_REQUESTS = 3_000;
/** A server that answers almost nothing (errors) is measured anyway, and its failures printed. */
const MAX_WARM_UP_STEPS = 10;
const GOOGLE_OPERATIONS = ["token", "freebusy", "events.insert", "events.get"] as const;
// The web server's port (BENCH_PORT, default 3150); the yardsticks listen on the next one.
const APP_PORT = Number(process.env.BENCH_PORT ?? 3150);
const BASELINE_PORT = APP_PORT + 1;

const rows: string[][] = [];
const row = (...cells: Array<string | number>) => {
  const line = cells.map(String);
  rows.push(line);
  console.log(`| ${line.join(" | ")} |`);
};
const fmt = (n: number, digits = 0) => n.toFixed(digits);
const rate = (r: LoadResult) =>
  `${fmt(r.perSecond)}/s, p99 ${fmt(r.p99)} ms${r.errors + r.non2xx ? ` (${r.errors + r.non2xx} failed)` : ""}`;

if (!existsSync(path.join(webDir, "build/server/index.js"))) {
  console.log("Building the web app (the production server serves its build) ...");
  execFileSync("pnpm", ["--filter", "@timetap/web", "build"], { stdio: "ignore" });
}

// On a shared machine other work slows both sides of a ratio unevenly: its load average, printed
// before and after, says how far a run's figures can be trusted.
const loadAverage = () =>
  `load average ${loadavg()
    .map((n) => fmt(n, 2))
    .join(" / ")} (1 / 5 / 15 min)`;
const emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
const databases = [false, ...(process.env.TEST_DATABASE_URL ? [true] : [])];
console.log(
  `${new Date().toISOString()}; ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${fmt(totalmem() / 2 ** 30, 1)} GiB; node ${process.version}; ${SECONDS} s per load step; ${loadAverage()}`,
);
try {
  for (const onServer of databases) await benchOne(onServer);
} finally {
  await emulator.close();
  console.log(`\nAt the end: ${loadAverage()}.`);
}

async function benchOne(onServer: boolean) {
  const saved = process.env.TEST_DATABASE_URL;
  if (!onServer) delete process.env.TEST_DATABASE_URL;
  // Each database's hosts start with empty calendars and no grants.
  emulator.reset();
  const database = await freshDatabase();
  if (saved) process.env.TEST_DATABASE_URL = saved;
  console.log(
    `\n### ${database.kind}\n\n| step | TimeTap | yardstick | ratio / target |\n|---|---|---|---|`,
  );
  try {
    const hosts = await seed(database.options, (email) => emulator.issueRefreshToken(email));
    const bare = {
      prisma: await bareInserts(database.options, hosts.free, "insert", 400, onServer),
      raw: await bareInserts(database.options, hosts.free, "insert-raw", 500, onServer),
    };
    await database.analyze();
    await againstServer(database.env, hosts, bare, onServer);
    // `pnpm worker` needs a database server: the embedded one belongs to the web process.
    if (onServer) await syncWorkers(database);
  } finally {
    await database.drop();
  }
}

/** What the web server and the workers are configured with. */
function appEnv(env: Record<string, string>) {
  return {
    ...env,
    SESSION_SECRET: "bench-session-secret-at-least-32-bytes",
    TOKEN_ENCRYPTION_KEY: TOKEN_KEY,
    GOOGLE_CLIENT_ID: "timetap-bench",
    GOOGLE_CLIENT_SECRET: "timetap-bench-secret",
    GOOGLE_BASE_URL: emulator.url,
    // Never dialled: the web server's outbox workers are off, and the bench queues no email.
    SMTP_URL: "smtp://127.0.0.1:9",
    TIMETAP_CLOCK_START: NOW.toISOString(),
  };
}

/** Request `i` books host i % n at the next free half hour of that host. */
function bookingBodies(
  free: BenchHost[],
  firstStart: Date,
  encode: (b: BenchHost, start: Date, i: number) => string,
) {
  let i = 0;
  return () => {
    const host = free[i % free.length]!;
    const start = new Date(firstStart.getTime() + Math.floor(i / free.length) * 30 * 60_000);
    return encode(host, start, i++);
  };
}

async function bareInserts(
  options: object,
  free: BenchHost[],
  mode: "insert" | "insert-raw",
  daysAhead: number,
  onServer: boolean,
) {
  const server = await startBaseline(mode, BASELINE_PORT, {
    env: { BENCH_DB: JSON.stringify(options) },
  });
  try {
    // Far past the app's bookings: the same table and constraint, never the same times.
    const body = bookingBodies(free, new Date(NOW.getTime() + daysAhead * DAY_MS), (host, start) =>
      JSON.stringify({ hostId: host.id, packageId: host.packageId, start: start.toISOString() }),
    );
    const run = (connections: number) =>
      withCpuTime(server.process.pid!, onServer, () =>
        load({ url: server.url, connections, seconds: SECONDS, method: "POST", body }),
      );
    await warmUp(() => run(8));
    return { 8: await run(8), 32: await run(32) };
  } finally {
    await server.stop();
  }
}

/**
 * Steps at 8 connections until the server has answered WARM_UP_REQUESTS, before any step counts:
 * the same number for the yardsticks and for TimeTap. Why a number, not one step's time: V8
 * optimises JavaScript, and tiers PGlite's WebAssembly up, by how often code ran, so a slower
 * machine needs longer. One 4 s step was enough where a booking took 0.6 ms of CPU, but on a
 * machine 2.5 times slower the first measured step still ran while the booking path was being
 * optimised: 1.8 ms of server CPU per booking there, against 1.1 ms after a second warm-up step
 * and 1.2 ms at 32 connections (PostgreSQL); embedded, 800 bookings took 38, then 7, 5.5, 4.0
 * and 3.4 ms of CPU each, step by step.
 */
async function warmUp(step: () => Promise<LoadResult>) {
  let answered = 0;
  for (let steps = 0; answered < WARM_UP_REQUESTS && steps < MAX_WARM_UP_STEPS; steps++)
    answered += (await step()).total;
}

async function againstServer(
  env: Record<string, string>,
  hosts: Awaited<ReturnType<typeof seed>>,
  bare: Record<"prisma" | "raw", Record<8 | 32, LoadResult & { cpu: CpuPerRequest }>>,
  onServer: boolean,
) {
  const server = await startWebServer(APP_PORT, {
    ...appEnv(env),
    RATE_LIMIT_BOOKING_CHANGES_PER_IP: "100000000/1h",
    RATE_LIMIT_BOOKING_CHANGES_PER_EMAIL: "100000000/1h",
    RATE_LIMIT_SLOTS_PER_IP: "100000000/1m",
  });
  const afterStart = server.memory().rssMb;
  try {
    const createUrl = `${server.url}/api/trpc/booking.create`;
    const body = bookingBodies(hosts.free, new Date(NOW.getTime() + HOUR_MS), (host, start, i) =>
      trpcBody({
        hostSlug: host.slug,
        packageId: host.packageId,
        startTime: start,
        customerEmail: `c${i}@bench.example`,
        customerName: "Bench Customer",
      }),
    );
    const create = (connections: number) =>
      withCpuTime(server.process.pid!, onServer, () =>
        load({ url: createUrl, connections, seconds: SECONDS, method: "POST", body }),
      );
    await warmUp(() => create(8));
    for (const connections of [8, 32] as const) {
      const app = await create(connections);
      const target = connections === 32 ? "≥ 0.33, p99 < 250 ms" : "≥ 0.33";
      const prisma = bare.prisma[connections];
      const raw = bare.raw[connections];
      row(
        `booking.create, ${connections} connections`,
        `${rate(app)}; ${cpuText(app.cpu)}`,
        `bare node:http + 1 INSERT via Prisma: ${rate(prisma)}; ${cpuText(prisma.cpu)}`,
        `${fmt(app.perSecond / prisma.perSecond, 2)} (${target})`,
      );
      // The booking path sends its statements through Db.rawSql; so does this yardstick.
      row(
        `booking.create, ${connections} connections, against an INSERT through Db.rawSql`,
        "(as above)",
        `bare node:http + 1 INSERT via Db.rawSql: ${rate(raw)}; ${cpuText(raw.cpu)}`,
        `${fmt(app.perSecond / raw.perSecond, 2)}`,
      );
    }

    const { browsed } = hosts;
    const slotsUrl = `${server.url}${trpcQueryPath("availability.slots", {
      hostSlug: browsed.slug,
      packageId: browsed.packageId,
      from: NOW,
      to: new Date(NOW.getTime() + 30 * DAY_MS),
    })}`;
    const [, answer] = await timedFetch(slotsUrl);
    const bytes = Buffer.from(await (await fetch(slotsUrl)).arrayBuffer());
    if (!answer.ok) throw new Error(`availability.slots answered ${answer.status}`);
    await load({ url: slotsUrl, connections: 8, seconds: 1 });
    const slots = await load({ url: slotsUrl, connections: 8, seconds: SECONDS });
    const file = path.join(tmpdir(), `timetap-bench-slots-${process.pid}.json`);
    await writeFile(file, bytes);
    const memory = await startBaseline("bytes", BASELINE_PORT, { file });
    const fromMemory = await load({ url: memory.url, connections: 8, seconds: SECONDS }).finally(
      () => memory.stop(),
    );
    row(
      `availability.slots, 30 days, 200 bookings, warm, 8 connections (${fmt(bytes.length / 1024)} KB)`,
      `${rate(slots)}, p50 ${fmt(slots.p50)} ms`,
      `same bytes from memory: ${rate(fromMemory)}`,
      `${fmt(slots.perSecond / fromMemory.perSecond, 2)} (≥ 0.5)`,
    );

    await googleSteps(server.url, hosts.google);
    const { peakMb } = server.memory();
    row("server memory (RSS)", `after start ${fmt(afterStart)} MB, peak ${fmt(peakMb)} MB`, "", "");
  } finally {
    await server.stop();
  }
}

/** The Google-connected hosts: cold views, freeBusy calls per 100 views, bookings at 300 ms. */
async function googleSteps(url: string, google: BenchHost[]) {
  const week = (host: BenchHost, weekIndex: number) =>
    `${url}${trpcQueryPath("availability.slots", {
      hostSlug: host.slug,
      packageId: host.packageId,
      from: new Date(NOW.getTime() + weekIndex * 7 * DAY_MS),
      to: new Date(NOW.getTime() + (weekIndex + 1) * 7 * DAY_MS),
    })}`;
  const freeBusyCalls = () =>
    emulator.requests().filter((request) => request.operation === "freebusy").length;
  const tokenCalls = () =>
    emulator.requests().filter((request) => request.operation === "token").length;

  const [viewed, booking] = [google.at(-2)!, google.at(-1)!];
  const cold: number[] = [];
  for (const host of google.slice(0, -2)) cold.push((await timedFetch(week(host, 0)))[0]);
  row(
    "availability.slots, one week, cold (Google token + freeBusy via the emulator)",
    `median ${fmt(median(cold), 1)} ms of ${cold.length} hosts`,
    "",
    "< 50 ms",
  );

  const before = freeBusyCalls();
  for (let view = 0; view < 100; view++) await timedFetch(week(viewed, view % 8));
  row(
    "freeBusy calls per 100 page views of one host (8 weeks)",
    freeBusyCalls() - before,
    "",
    "≤ 1",
  );

  for (const op of GOOGLE_OPERATIONS) emulator.setLatency(op, GOOGLE_LATENCY_MS);
  try {
    // The page view before a booking: it fetches the token and the busy times.
    await timedFetch(week(booking, 0));
    const tokensBefore = tokenCalls();
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [ms, response] = await timedFetch(`${url}/api/trpc/booking.create`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: trpcBody({
          hostSlug: booking.slug,
          packageId: booking.packageId,
          startTime: new Date(NOW.getTime() + 2 * HOUR_MS + i * HOUR_MS),
          customerEmail: `g${i}@bench.example`,
        }),
      });
      if (!response.ok) throw new Error(`booking.create with Google answered ${response.status}`);
      latencies.push(ms);
    }
    // Google's latency as a client here meets it: on this machine a 300 ms timer in the
    // emulator answers after 320-335 ms. Its event insert, unauthorized, is refused after it.
    const google: number[] = [];
    for (let i = 0; i < 10; i++) {
      const [ms] = await timedFetch(`${emulator.url}/calendar/v3/calendars/primary/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      google.push(ms);
    }
    const googleMs = median(google);
    row(
      `booking.create, Google answering in ${GOOGLE_LATENCY_MS} ms, 10 in a row`,
      `median ${fmt(median(latencies))} ms, max ${fmt(Math.max(...latencies))} ms; ${tokenCalls() - tokensBefore} token requests`,
      `a bare request to the emulator's event insert: median ${fmt(googleMs)} ms`,
      `< ${fmt(googleMs + 50)} ms (its latency + 50 ms)`,
    );
  } finally {
    for (const op of GOOGLE_OPERATIONS) emulator.setLatency(op, 0);
  }
}

/**
 * Two `pnpm worker` processes (default concurrency) take a backlog of bookings to Google
 * answering in 300 ms: timed from the moment the backlog is written (both workers already
 * running) until every booking has its event and Meet link.
 */
async function syncWorkers(database: BenchDatabase) {
  const db = await createDb(database.options);
  const workers: Child[] = [];
  try {
    const { prisma } = db;
    const writeBacklog = await syncBacklog(prisma, (email) => emulator.issueRefreshToken(email));
    for (let i = 0; i < 2; i++) workers.push(startWorker(appEnv(database.env)));
    const running = async (done: () => Promise<boolean>) => {
      const exited = workers.find((worker) => worker.process.exitCode !== null);
      if (exited) throw new Error(`a worker exited with ${exited.process.exitCode}`);
      return done();
    };
    // Each worker beats once its loop has claimed (found nothing yet): both are running.
    await until(
      () => running(async () => (await prisma.workerHeartbeat.count()) === 2),
      "the workers",
    );
    const inserts = () => emulator.requests().filter((r) => r.operation === "events.insert");
    const insertsBefore = inserts().length;
    for (const op of GOOGLE_OPERATIONS) emulator.setLatency(op, GOOGLE_LATENCY_MS);
    const started = performance.now();
    await writeBacklog();
    const synced = () =>
      prisma.booking.count({
        where: {
          customerEmail: { startsWith: BACKLOG_EMAIL_PREFIX },
          meetLink: { not: null },
          calendarSyncs: { some: { state: "done" } },
        },
      });
    await until(
      () => running(async () => (await synced()) === SYNC_BOOKINGS),
      "the backlog",
      600_000,
    );
    const seconds = (performance.now() - started) / 1000;
    const peakMb = Math.max(...workers.map((worker) => worker.memory().peakMb));
    row(
      `sync worker: ${SYNC_BOOKINGS} bookings to Google answering in ${GOOGLE_LATENCY_MS} ms, 2 \`pnpm worker\` processes`,
      `${fmt(SYNC_BOOKINGS / seconds, 1)} rows/s (${fmt(seconds, 1)} s; ${inserts().length - insertsBefore} events.insert; peak RSS ${fmt(peakMb)} MB)`,
      "",
      "≥ 50 rows/s",
    );
  } finally {
    for (const op of GOOGLE_OPERATIONS) emulator.setLatency(op, 0);
    await Promise.all(workers.map((worker) => worker.stop()));
    await db.close();
  }
}

async function until(done: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const giveUpAt = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > giveUpAt) throw new Error(`${what}: not done in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
