// `pnpm test:scale`: TimeTap scaled out on one PostgreSQL server (TEST_DATABASE_URL): two web
// servers without their in-process worker and two `pnpm worker` processes, booking load over many
// hosts with Google (the emulator) failing now and then, and one process SIGKILLed every 20 s and
// started again. Then every promise made to a client is checked against the database and Google.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { createTimeTapClient } from "@timetap/api/client";
import { startCatcher } from "@timetap/email/catcher";
import { startEmulator } from "@timetap/google-emulator";
import { TimeTapProcess } from "./processes.ts";
import { scaleDatabase } from "./scale-database.ts";
import { seedHosts } from "./seed-hosts.ts";

const LOAD_SECONDS = Number(process.env.SCALE_SECONDS ?? 60);
const KILL_EVERY_MS = 20_000;
const CLIENTS = 8;
const HOSTS = 10;
const DRAIN_DEADLINE_MS = 90_000;

const baseUrl = process.env.TEST_DATABASE_URL;
if (!baseUrl?.startsWith("postgres://")) {
  console.error("pnpm test:scale needs TEST_DATABASE_URL=postgres://… (scripts/test-postgres.sh).");
  process.exit(1);
}

console.log("building the web app for production …");
const build = spawnSync("pnpm", ["--filter", "@timetap/web", "build"], { stdio: "ignore" });
if (build.status !== 0) throw new Error("pnpm --filter @timetap/web build failed");

const database = await scaleDatabase(baseUrl);
const emulator = await startEmulator({ port: 0 });
const catcher = await startCatcher();
const secrets = {
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};
const processes: TimeTapProcess[] = [];
try {
  const hosts = await seedHosts(database.url, emulator, secrets.TOKEN_ENCRYPTION_KEY, HOSTS);
  const common = {
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    GOOGLE_CLIENT_ID: "timetap-scale",
    GOOGLE_CLIENT_SECRET: "timetap-scale-secret",
    GOOGLE_BASE_URL: emulator.url,
    SMTP_URL: catcher.smtpUrl,
    ...secrets,
    // Eight clients on one address book faster than any person; the limits have tests of their own.
    RATE_LIMIT_BOOKING_CHANGES_PER_IP: "1000000/1h",
    RATE_LIMIT_SLOTS_PER_IP: "1000000/1m",
  };
  for (const [i, port] of [3290, 3291].entries()) {
    const url = `http://127.0.0.1:${port}`;
    processes.push(
      new TimeTapProcess(
        `web-${i + 1}`,
        "web",
        {
          ...common,
          PORT: String(port),
          APP_URL: url,
          TIMETAP_INPROCESS_WORKER: "false",
        },
        url,
      ),
    );
  }
  // Links in emails point at the first web server.
  const workerEnv = { ...common, APP_URL: "http://127.0.0.1:3290" };
  processes.push(new TimeTapProcess("worker-1", "worker", workerEnv));
  processes.push(new TimeTapProcess("worker-2", "worker", workerEnv));
  await Promise.all(processes.map((one) => one.start()));
  console.log(
    `2 web servers, 2 workers on ${database.where}; ${HOSTS} hosts; ${CLIENTS} clients for ${LOAD_SECONDS} s; one process SIGKILLed every ${KILL_EVERY_MS / 1000} s`,
  );

  const confirmed = new Map<string, { hostId: string; start: Date }>();
  const tally = {
    attempts: 0,
    confirmed: 0,
    conflicts: 0,
    refused: 0,
    cut: 0,
    serverErrors: [] as string[],
  };
  const webs = processes.filter((one) => one.role === "web");
  const endAt = Date.now() + LOAD_SECONDS * 1000;
  const tomorrow = Math.ceil(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;

  const client = async () => {
    while (Date.now() < endAt) {
      const ready = webs.filter((one) => one.ready);
      const web = ready[Math.floor(Math.random() * ready.length)];
      if (!web) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      const host = hosts[Math.floor(Math.random() * hosts.length)]!;
      // 30-minute times over the next 20 days: sparse enough to book, dense enough to race.
      const start = new Date(tomorrow + Math.floor(Math.random() * 20 * 48) * 30 * 60_000);
      tally.attempts += 1;
      try {
        const booking = await createTimeTapClient(`${web.url}/api/trpc`).booking.create.mutate({
          hostSlug: host.slug,
          packageId: host.packageId,
          startTime: start,
          customerEmail: `c-${tally.attempts}-${Math.random().toString(36).slice(2)}@example.com`,
          customerName: "Scale Client",
        });
        confirmed.set(booking.id, { hostId: host.id, start });
        tally.confirmed += 1;
      } catch (error) {
        const code = (error as { data?: { code?: string; httpStatus?: number } }).data;
        if (code?.code === "CONFLICT") tally.conflicts += 1;
        else if (code?.httpStatus && code.httpStatus >= 500)
          tally.serverErrors.push(`${code.httpStatus} ${(error as Error).message}`);
        else if (code?.httpStatus) tally.refused += 1;
        // No answer: the server died under the request. Nothing was promised to this client.
        else tally.cut += 1;
      }
    }
  };

  let victim = 0;
  const restarts: Promise<void>[] = [];
  const chaos = setInterval(() => {
    const target = processes[victim++ % processes.length]!;
    restarts.push(target.kill().then(() => target.start()));
  }, KILL_EVERY_MS);
  const faults = setInterval(() => {
    emulator.failNext("events.insert", { status: 503, reason: "backendError", count: 2 });
  }, 7_000);
  await Promise.all(Array.from({ length: CLIENTS }, client));
  clearInterval(chaos);
  clearInterval(faults);
  await Promise.all(restarts);

  const drained = await database.untilSynced(DRAIN_DEADLINE_MS);
  const found = await database.check([...confirmed.keys()], (email) => emulator.events(email));
  const kills = processes.map((one) => `${one.name} ×${one.kills}`).join(", ");
  console.log(`tried: ${tally.attempts} booking.create; kills: ${kills}`);
  console.log(
    `answers: ${tally.confirmed} confirmed, ${tally.conflicts} CONFLICT, ${tally.refused} other 4xx, ${tally.cut} cut off by a kill, ${tally.serverErrors.length} 5xx`,
  );
  console.log(
    `found: ${found.missing.length} confirmed bookings missing, ${found.overlaps} overlapping pairs, ${found.withOneEventAndLink} of ${confirmed.size} with exactly one Google event and its Meet link, calendar work drained in ${(drained.ms / 1000).toFixed(1)} s${drained.done ? "" : " (NOT drained)"}`,
  );
  const problems = [
    ...tally.serverErrors.slice(0, 5).map((line) => `server error: ${line}`),
    ...found.missing.slice(0, 5).map((id) => `confirmed booking ${id} is missing`),
    ...(found.overlaps ? [`${found.overlaps} overlapping confirmed bookings`] : []),
    ...found.eventProblems.slice(0, 5),
    ...(drained.done ? [] : ["calendar work still pending after the drain deadline"]),
    ...(tally.confirmed < 50 ? [`only ${tally.confirmed} bookings confirmed: no real load`] : []),
  ];
  if (problems.length) {
    console.error(`FAILED:\n  ${problems.join("\n  ")}`);
    process.exitCode = 1;
  } else console.log("scale proof passed");
} finally {
  await Promise.all(processes.map((one) => one.stop()));
  await catcher.close();
  await emulator.close();
  await database.drop();
}
