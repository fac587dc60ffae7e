import { createTestDb } from "@timetap/db/testing";
import { describe, expect, it } from "vitest";
import { apiProcesses } from "./testing/api-processes.ts";

const processes = apiProcesses();

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
      const apis = (
        await Promise.all([
          processes.start({ databaseUrl: db.url!, limits }),
          processes.start({ databaseUrl: db.url!, limits }),
        ])
      ).map((started) => started.api);
      const guess = (api: string) =>
        fetch(`${api}/host.me`, { headers: { authorization: "Bearer tt_guessed-key" } });

      // Four wrong keys, two to each process: each is only refused as unknown…
      for (let attempt = 0; attempt < 4; attempt++)
        expect((await guess(apis[attempt % 2]!)).status).toBe(401);
      // …and then both processes stop the address: the limit was one, not one per process.
      for (const api of apis) {
        const limited = await guess(api);
        expect(limited.status).toBe(429);
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    } finally {
      await processes.stopAll();
      await db.close();
    }
  });
});
