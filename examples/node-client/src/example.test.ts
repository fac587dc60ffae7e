import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  bookingInput,
  createApiHarness,
  demoWithCalendar,
  MONDAY_MORNING,
  MONDAY_TEN_BERLIN,
  serveApi,
} from "@timetap/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The example runs as another developer would run it: its own process, over real HTTP, against
// TimeTap's API on a real database (the embedded one, or TEST_DATABASE_URL's server).
const main = path.join(path.dirname(fileURLToPath(import.meta.url)), "main.ts");
const run = promisify(execFile);

let harness: Awaited<ReturnType<typeof createApiHarness>>;
let server: Awaited<ReturnType<typeof serveApi>> | undefined;
let bookingId: string;
let readKey: string;
let manageKey: string;

beforeAll(async () => {
  harness = await createApiHarness({ now: MONDAY_MORNING });
  const { host, intro } = await demoWithCalendar(harness);
  bookingId = (await harness.caller().booking.create(bookingInput(intro.id, MONDAY_TEN_BERLIN))).id;
  // The host makes the two keys on the dashboard; here, as the signed-in host.
  const dashboard = harness.caller({ sessionHostId: host.id });
  readKey = (await dashboard.host.createApiKey({ name: "Reports", scopes: ["read_bookings"] })).key;
  manageKey = (
    await dashboard.host.createApiKey({ name: "Front desk", scopes: ["manage_bookings"] })
  ).key;
  server = await serveApi(harness.deps);
});
afterAll(async () => {
  await server?.close();
  await harness?.close();
});

/** The example's own command line, with its exit code and output. */
async function example(apiKey: string, ...args: string[]) {
  const env = { ...process.env, TIMETAP_URL: server?.url, TIMETAP_API_KEY: apiKey };
  return run(process.execPath, ["--import", "tsx", main, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

describe("examples/node-client against a live TimeTap API", () => {
  it("lists the host's bookings with a read-only key, which may not cancel them", async () => {
    const listed = await example(readKey, "list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${bookingId}  2030-01-07T09:00:00.000Z  `);
    expect(listed.stdout).toContain("cora@example.com");

    const refused = await example(readKey, "cancel", bookingId);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "TimeTap refused (FORBIDDEN): This API key may not do this: it needs “Manage bookings”.",
    );
    const booking = await harness.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(booking.status).toBe("CONFIRMED");
  });

  it("cancels the booking with a manage-bookings key", async () => {
    const cancelled = await example(manageKey, "cancel", bookingId);
    expect(cancelled).toMatchObject({ code: 0, stdout: `Cancelled ${bookingId}.\n` });
    const booking = await harness.db.booking.findUniqueOrThrow({ where: { id: bookingId } });
    expect(booking.status).toBe("CANCELLED");
    expect((await example(readKey, "list")).stdout).toBe("No upcoming bookings.\n");
  });
});
