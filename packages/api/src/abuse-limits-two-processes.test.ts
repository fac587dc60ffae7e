import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDb } from "@timetap/db/testing";
import { describe, expect, it } from "vitest";

const apiProcess = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "testing/api-process.ts",
);
const started: ChildProcess[] = [];

async function stopApiProcesses() {
  for (const child of started.splice(0)) {
    const exited = child.exitCode === null ? once(child, "exit") : null;
    child.kill("SIGTERM");
    await exited;
  }
}

/** A web process of its own over the database at `databaseUrl`; resolves to its API's URL. */
async function startApiProcess(databaseUrl: string, limits: object): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", apiProcess], {
    env: {
      ...process.env,
      TIMETAP_TEST_DATABASE_URL: databaseUrl,
      TIMETAP_TEST_LIMITS: JSON.stringify(limits),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  started.push(child);
  const [port] = (await once(child.stdout!, "data")) as [Buffer];
  return `http://127.0.0.1:${port.toString().trim()}/api/trpc`;
}

describe("abuse limits across web processes", () => {
  it("counts requests spread over two processes on one PostgreSQL server against one limit", async ({
    skip,
  }) => {
    skip(
      !process.env.TEST_DATABASE_URL,
      "The embedded PGlite database serves one process by design, so there is nothing to share; this runs in the PostgreSQL pass (TEST_DATABASE_URL, as in pnpm test:all).",
    );
    const db = await createTestDb();
    try {
      const limits = { apiKeyFailuresPerIp: { points: 4, durationSeconds: 600 } };
      const processes = await Promise.all([
        startApiProcess(db.url!, limits),
        startApiProcess(db.url!, limits),
      ]);
      const guess = (api: string) =>
        fetch(`${api}/host.me`, { headers: { authorization: "Bearer tt_guessed-key" } });

      // Four wrong keys, two to each process: each is only refused as unknown…
      for (let attempt = 0; attempt < 4; attempt++)
        expect((await guess(processes[attempt % 2]!)).status).toBe(401);
      // …and then both processes stop the address: the limit was one, not one per process.
      for (const api of processes) {
        const limited = await guess(api);
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    } finally {
      await stopApiProcesses();
      await db.close();
    }
  });
});
