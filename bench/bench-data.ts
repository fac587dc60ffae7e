// The bench's database: a fresh one per run (a PGlite directory, or a new database on the
// TEST_DATABASE_URL server), holding the hosts each step books or browses.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTokenCipher } from "@timetap/api";
import { createDb, type DbOptions, type PrismaClient } from "@timetap/db";
import pg from "pg";

/** The app's clock starts here (a Monday, 06:00 UTC), so every run sees the same days. */
export const NOW = new Date("2030-01-07T06:00:00Z");
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const TOKEN_KEY = randomBytes(32).toString("base64");

/** Hosts bookable all day every day (30-minute sessions, no notice): room for any load. */
export const FREE_HOSTS = 200;
/** The host whose 30 days of slots are browsed: 15-minute starts around its 200 bookings. */
export const SLOTS_HOST = "slots";
/** Hosts with a Google calendar on the emulator, each looked at cold once. */
export const GOOGLE_HOSTS = 8;
/** The sync worker step: this many bookings waiting for their events, spread over many hosts. */
export const SYNC_BOOKINGS = 600;
/** Its customers' addresses start so, apart from the bookings earlier steps made. */
export const BACKLOG_EMAIL_PREFIX = "backlog-";
const SYNC_HOSTS = 100;

export interface BenchDatabase {
  kind: "embedded PGlite" | "PostgreSQL server";
  options: DbOptions;
  /** The server's environment for this database. */
  env: Record<string, string>;
  /**
   * Gives the planner statistics of what the bench wrote, as a database in use has them: a
   * server's autovacuum takes them within a minute of that many new rows, but the bench's
   * database is seconds old, and without them the planner guesses its indexes (booking-insert.ts).
   * The embedded database takes them itself when the web server opens it (embedded-upkeep.ts).
   */
  analyze(): Promise<void>;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), "timetap-bench-"));
    return {
      kind: "embedded PGlite",
      options: { embedded: path.join(dir, "pglite") },
      env: { TIMETAP_DATA_DIR: dir },
      analyze: async () => undefined,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `timetap_bench_${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "PostgreSQL server",
    options: { databaseUrl: url.toString() },
    env: { DATABASE_URL: url.toString() },
    analyze: () => admin(url.toString(), "ANALYZE"),
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  startMinute: 0,
  endMinute: 1440,
}));

async function host(
  prisma: PrismaClient,
  slug: string,
  extra: { startIntervalMinutes?: number; googleRefreshToken?: (hostId: string) => string } = {},
) {
  const id = randomUUID();
  const created = await prisma.host.create({
    data: {
      id,
      name: `Host ${slug}`,
      email: `${slug}@bench.example`,
      slug,
      timeZone: "UTC",
      minimumNoticeMinutes: 0,
      startIntervalMinutes: extra.startIntervalMinutes ?? null,
      ...(extra.googleRefreshToken
        ? { googleRefreshToken: extra.googleRefreshToken(id), calendarStatus: "connected" as const }
        : {}),
      availabilityRules: { create: allDay },
      packages: { create: { name: "Intro", durationMinutes: 30, kind: "free_intro" } },
    },
    include: { packages: true },
  });
  return { id: created.id, slug, packageId: created.packages[0]!.id };
}

export type BenchHost = Awaited<ReturnType<typeof host>>;

/**
 * Seeds the free hosts, the browsed host with its 200 bookings, and the Google hosts (their
 * refresh tokens issued by the emulator, stored encrypted as the app stores them).
 */
export async function seed(options: DbOptions, issueRefreshToken: (email: string) => string) {
  const db = await createDb(options);
  try {
    const { prisma } = db;
    const free: BenchHost[] = [];
    for (let i = 0; i < FREE_HOSTS; i++) free.push(await host(prisma, `free-${i}`));
    const browsed = await host(prisma, SLOTS_HOST, { startIntervalMinutes: 15 });
    await prisma.booking.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        id: randomUUID(),
        hostId: browsed.id,
        packageId: browsed.packageId,
        startTime: new Date(NOW.getTime() + 2 * HOUR_MS + i * 3.5 * HOUR_MS),
        endTime: new Date(NOW.getTime() + 2 * HOUR_MS + i * 3.5 * HOUR_MS + 30 * 60_000),
        customerEmail: `seed-${i}@bench.example`,
        accessToken: randomBytes(32).toString("base64url"),
      })),
    });
    const google = await googleHosts(prisma, "google", GOOGLE_HOSTS, issueRefreshToken);
    return { free, browsed, google };
  } finally {
    await db.close();
  }
}

/** Hosts whose calendars are on the emulator: their refresh tokens stored as the app stores them. */
export async function googleHosts(
  prisma: PrismaClient,
  prefix: string,
  count: number,
  issueRefreshToken: (email: string) => string,
) {
  const cipher = createTokenCipher([TOKEN_KEY]);
  const hosts: BenchHost[] = [];
  for (let i = 0; i < count; i++) {
    const slug = `${prefix}-${i}`;
    const token = issueRefreshToken(`${slug}@bench.example`);
    // Sealed to its host (the cipher binds the host id), so the id is chosen first.
    hosts.push(await host(prisma, slug, { googleRefreshToken: (id) => cipher.encrypt(token, id) }));
  }
  return hosts;
}

/**
 * The sync worker's backlog: SYNC_BOOKINGS confirmed bookings over SYNC_HOSTS Google hosts, each
 * with its calendar work due (`create`, as booking.create leaves it when the request could not
 * finish it), written in one go once the workers are running.
 */
export async function syncBacklog(
  prisma: PrismaClient,
  issueRefreshToken: (email: string) => string,
) {
  const hosts = await googleHosts(prisma, "sync", SYNC_HOSTS, issueRefreshToken);
  return async () => {
    const bookings = Array.from({ length: SYNC_BOOKINGS }, (_, i) => {
      const host = hosts[i % hosts.length]!;
      const start = new Date(NOW.getTime() + DAY_MS + Math.floor(i / hosts.length) * HOUR_MS);
      return {
        id: randomUUID(),
        hostId: host.id,
        packageId: host.packageId,
        startTime: start,
        endTime: new Date(start.getTime() + 30 * 60_000),
        customerEmail: `${BACKLOG_EMAIL_PREFIX}${i}@bench.example`,
        accessToken: randomBytes(32).toString("base64url"),
      };
    });
    await prisma.$transaction([
      prisma.booking.createMany({ data: bookings }),
      prisma.calendarSync.createMany({
        data: bookings.map((booking) => ({
          bookingId: booking.id,
          action: "create" as const,
          state: "pending" as const,
          // Due on the workers' clock, which starts at NOW.
          nextAttemptAt: new Date(NOW.getTime() - 60_000),
        })),
      }),
    ]);
  };
}
