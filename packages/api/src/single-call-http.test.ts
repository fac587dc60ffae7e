import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import superjson, { type SuperJSONResult } from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterHandler, callHandling } from "./http-handler.ts";
import { singleCallHandler } from "./single-call-http.ts";
import { createApiDeps } from "./deps.ts";
import { createRateLimits, defaultRateLimits } from "./lib/rate-limits.ts";
import { bookingInput } from "./testing/booking-fixtures.ts";
import { useBookingHarness } from "./testing/suite-hooks.ts";

const { harness, intro } = useBookingHarness();

type Answer = (req: IncomingMessage, res: ServerResponse, path: string, url: URL) => unknown;

/** A loopback server answering every call with `answer`, the POST body read as the API does. */
async function serve(answer: Answer) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://api");
    if (req.method === "POST") Object.assign(req, { body: await text(req) });
    await answer(req, res, url.pathname.slice(1), url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Both ways of answering with the same dependencies: the plain path, and tRPC's adapter. */
let plain: Awaited<ReturnType<typeof serve>>;
let adapter: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  // One booking per customer email an hour, so that a second one is refused by its limit.
  const limits = createRateLimits(
    { kind: "memory" },
    { ...defaultRateLimits, bookingChangesPerEmail: { points: 1, durationSeconds: 3600 } },
  );
  const handling = callHandling(createApiDeps({ ...harness.deps, limits }), async (req) => ({
    authorization: req.headers.authorization ?? null,
    clientIp: null,
  }));
  const single = singleCallHandler(handling);
  plain = await serve(async (req, res, path, url) => {
    if (await single(req, res, path, url)) return;
    res.statusCode = 599;
    res.end("left to the adapter");
  });
  const byAdapter = adapterHandler(handling);
  adapter = await serve((req, res, path) => byAdapter(req, res, path));
});
afterAll(async () => {
  await plain.close();
  await adapter.close();
});

/** What a client sees of an answer: its status, the headers tRPC sets, its body. */
async function call(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}/${path}`, init);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    vary: response.headers.get("vary"),
    retryAfter: response.headers.get("retry-after") !== null,
    body: await response.text(),
  };
}
const post = (input: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(superjson.serialize(input)),
});
const query = (path: string, input: unknown) =>
  `${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
const tuesday = (hour: number) => new Date(Date.UTC(2030, 0, 8, hour - 1));

describe("a plain call answered without tRPC's adapter", () => {
  it("answers a query as the adapter does, byte for byte", async () => {
    const path = query("catalog.host", { slug: "demo" });
    const answer = await call(plain.url, path);
    expect(answer.status).toBe(200);
    expect(answer).toEqual(await call(adapter.url, path));
  });

  it("answers a booking as the adapter does, but for what differs between two bookings", async () => {
    const booked = [
      await call(plain.url, "booking.create", post(bookingInput(intro.id, tuesday(10), "a@x.org"))),
      await call(
        adapter.url,
        "booking.create",
        post(bookingInput(intro.id, tuesday(11), "b@x.org")),
      ),
    ];
    const [mine, theirs] = booked.map(({ body, ...rest }) => {
      const { json, meta } = (JSON.parse(body) as { result: { data: SuperJSONResult } }).result
        .data;
      const { id, token, startTime, endTime, customerEmail, meetLink, ...same } = json as Record<
        string,
        unknown
      >;
      expect([id, token, startTime, endTime, customerEmail, meetLink]).not.toContain(undefined);
      return { ...rest, same, meta };
    });
    expect(mine!.status).toBe(200);
    expect(mine).toEqual(theirs);
  });

  it("answers errors as the adapter does: the service's code, the input's issues, a host's sign-in", async () => {
    await call(plain.url, "booking.create", post(bookingInput(intro.id, tuesday(12), "c@x.org")));
    // Each side's own customer: one booking attempt per email is allowed here.
    for (const [path, init, status] of [
      ["booking.create", (side: string) => post(bookingInput(intro.id, tuesday(12), side)), 409],
      [
        "booking.create",
        () => post({ ...bookingInput(intro.id, tuesday(13)), customerEmail: "no" }),
        400,
      ],
      [query("host.me", undefined), () => ({}), 401],
      [query("catalog.host", { slug: "nobody" }), () => ({}), 404],
    ] as const) {
      const answer = await call(plain.url, path, init("d@x.org"));
      expect(answer.status).toBe(status);
      expect(answer).toEqual(await call(adapter.url, path, init("e@x.org")));
    }
  });

  it("tells a limited client when to come back, as the adapter does", async () => {
    const again = (hour: number) => post(bookingInput(intro.id, tuesday(hour), "same@x.org"));
    await call(plain.url, "booking.create", again(14));
    const [mine, theirs] = [
      await call(plain.url, "booking.create", again(15)),
      await call(adapter.url, "booking.create", again(16)),
    ];
    expect(mine).toMatchObject({ status: 429, retryAfter: true });
    expect({ ...mine, body: undefined }).toEqual({ ...theirs, body: undefined });
  });

  it("leaves a batch, a form, another content type and JSON it cannot read to the adapter", async () => {
    const body = JSON.stringify(superjson.serialize(bookingInput(intro.id, tuesday(9))));
    for (const [path, init] of [
      [`booking.create?batch=1`, { ...post({}), body: JSON.stringify({ 0: JSON.parse(body) }) }],
      ["booking.create", { method: "POST", headers: { "content-type": "text/plain" }, body }],
      ["booking.create", { ...post({}), body: "{not json" }],
      [`${query("catalog.host", { slug: "demo" })}&batch=1`, {}],
      ["catalog.host", { method: "POST", headers: { "content-type": "application/json" } }],
    ] as const) {
      expect((await call(plain.url, path, init)).status).toBe(599);
    }
  });
});
