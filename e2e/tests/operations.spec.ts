import { expect } from "@playwright/test";
import { bookDemoIntroCall } from "./demo-host.ts";
import { test } from "./page-errors";

const METRICS_TOKEN = "e2e-metrics-token-0123456789";

test("a load balancer sees the process live and ready, with its sync worker beating", async ({
  request,
}) => {
  const live = await request.get("/healthz");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ ok: true });

  const ready = await request.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({
    ready: true,
    database: "up",
    migrations: "applied",
    worker: "fresh",
  });
});

test("/metrics wants the bearer token, then counts a booking and the pages served by route", async ({
  page,
  request,
}) => {
  expect((await request.get("/metrics")).status()).toBe(401);
  expect(
    (
      await request.get("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })
    ).status(),
  ).toBe(401);
  const scrape = async () => {
    const response = await request.get("/metrics", {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(response.status()).toBe(200);
    return response.text();
  };
  const count = (text: string, line: RegExp) => Number(line.exec(text)?.[1] ?? 0);
  const created = /^timetap_bookings_created_total (\d+)$/m;
  const hostPages =
    /^timetap_http_request_seconds_count\{method="GET",route="\/:slug",status="2xx"\} (\d+)$/m;
  // API calls by POST are answered ahead of Express (api-front.ts), and timed there.
  const refusedCalls =
    /^timetap_http_request_seconds_count\{method="POST",route="\/api\/trpc\/booking\.create",status="4xx"\} (\d+)$/m;
  const before = await scrape();

  await bookDemoIntroCall(page, `e2e-metrics-${Date.now()}@example.com`);
  const refused = await request.post("/api/trpc/booking.create", {
    data: { json: { hostSlug: "demo" } },
  });
  expect(refused.status()).toBe(400);

  const after = await scrape();
  expect(count(after, created)).toBe(count(before, created) + 1);
  expect(count(after, hostPages)).toBeGreaterThan(count(before, hostPages));
  expect(count(after, refusedCalls)).toBeGreaterThan(count(before, refusedCalls));
  expect(after).toMatch(
    /^timetap_google_calls_total\{operation="events\.insert",outcome="ok"\} \d+$/m,
  );
  expect(after).toMatch(
    /^timetap_outbox_rows\{outbox="calendar_sync",state="done",kind="create"\} \d+$/m,
  );
  expect(after).toMatch(/^timetap_process_resident_memory_bytes \d+$/m);
  expect(after).toMatch(
    /^timetap_http_request_seconds_count\{method="GET",route="\/assets\/\*",status="2xx"\} \d+$/m,
  );
});
