import type { AddressInfo } from "node:net";
import { createApiHarness } from "@timetap/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWorkerOperations } from "./worker-operations.ts";

const METRICS_TOKEN = "worker-metrics-token-0123456789";
let harness: Awaited<ReturnType<typeof createApiHarness>>;
let url: string;
let close: () => void;

beforeAll(async () => {
  harness = await createApiHarness();
  const server = await serveWorkerOperations(harness.deps, {
    port: 0,
    metricsToken: METRICS_TOKEN,
    isProduction: true,
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
}, 60_000);
afterAll(async () => {
  close();
  await harness.close();
});

describe("a pnpm worker's operations port (WORKER_METRICS_PORT)", () => {
  it("reports the Google calls this worker made on its own /metrics, behind METRICS_TOKEN", async () => {
    // A grant Google no longer knows: the token refresh fails as revoked, and is counted.
    await expect(
      harness.deps.google.getCalendarBusyTimes("1//unknown-grant", new Date(), new Date()),
    ).rejects.toThrow();

    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(
      /timetap_google_calls_total\{operation="token",outcome="revoked"\} 1/,
    );
  });

  it("answers /healthz", async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });
});
