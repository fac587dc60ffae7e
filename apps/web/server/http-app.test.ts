import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { apiFront, clientIpOf } from "./api-front.ts";
import { createHttpApp, MAX_BODY_BYTES } from "./http-app.ts";

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

const APP_URL = "https://timetap.example";

/**
 * A real server on loopback, deployed at APP_URL, composed as server.ts composes it: API calls
 * answered by the API front, everything else by the Express app. Each answers with the
 * client address it sees (and Express with the CSP nonce, the API with the procedure it got).
 */
async function serve(trustProxy: number, isProduction = true, filler = "") {
  const options = {
    trustProxy,
    appUrl: APP_URL,
    isProduction,
    googleAuthorizationOrigin: "https://accounts.google.com",
  };
  const app = createHttpApp(options);
  app.all("*", (request, response) => {
    response.json({ ip: request.ip, nonce: response.locals["cspNonce"], filler });
  });
  const ipOf = clientIpOf(trustProxy);
  const front = apiFront({
    ...options,
    observe: (_request, response, pathname) =>
      response.once("finish", () => observed.push(`${pathname} ${response.statusCode}`)),
    serve: (request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ip: ipOf(request), procedure: request.url, filler }));
    },
  });
  const server = createServer((request, response) => {
    if (!front(request, response)) app(request, response);
  }).listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What the API front's metrics saw: each call's path and status. */
const observed: string[] = [];
afterEach(() => observed.splice(0));

const ipSeen = async (url: string, forwardedFor: string) =>
  (
    (await (await fetch(url, { headers: { "x-forwarded-for": forwardedFor } })).json()) as {
      ip: string;
    }
  ).ip;

/** The address an API call by POST is answered for. */
const callerSeen = async (url: string, forwardedFor: string) =>
  (
    (await (
      await fetch(`${url}/api/trpc/booking.create`, {
        ...trpcPost({ "x-forwarded-for": forwardedFor }),
      })
    ).json()) as { ip: string }
  ).ip;

describe("the HTTP front", () => {
  it("ignores X-Forwarded-For unless proxies are trusted, so a client cannot pick its address", async () => {
    const url = await serve(0);
    expect(await ipSeen(url, "198.51.100.1")).toBe("127.0.0.1");
    expect(await callerSeen(url, "198.51.100.1")).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy reports", async () => {
    // The client forged the first entry; the one proxy we trust appended the address it saw.
    const url = await serve(1);
    expect(await ipSeen(url, "10.0.0.1, 198.51.100.7")).toBe("198.51.100.7");
    expect(await callerSeen(url, "10.0.0.1, 198.51.100.7")).toBe("198.51.100.7");
  });

  it.each(["/login", "/api/trpc/booking.create"])(
    "answers 413 to a 10 MB body and 411 to a body without a length, and takes a small one (%s)",
    async (path) => {
      const url = `${await serve(0)}${path}`;
      const big = await fetch(url, { method: "POST", body: "x".repeat(10 * 1024 * 1024) });
      expect(big.status).toBe(413);
      expect(await big.text()).toBe("The request body is too large.");
      const chunked = await fetch(url, {
        method: "POST",
        body: new Blob(["a=1"]).stream(),
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(411);
      const small = await fetch(url, { method: "POST", body: "a".repeat(MAX_BODY_BYTES) });
      expect(small.status).toBe(200);
    },
  );

  it("hands an API call to the API as its procedure, and times it under its path", async () => {
    const url = await serve(0);
    const answer = await fetch(`${url}/api/trpc/booking.create`, trpcPost({ origin: APP_URL }));
    expect(await answer.json()).toMatchObject({ procedure: "/booking.create" });
    await fetch(`${url}/api/trpc/booking.cancel`, trpcPost({ origin: "https://evil.example" }));
    const read = await fetch(`${url}/api/trpc/availability.slots?input=%7B%7D`);
    expect(await read.json()).toMatchObject({ procedure: "/availability.slots?input=%7B%7D" });
    expect(observed).toEqual([
      "/api/trpc/booking.create 200",
      "/api/trpc/booking.cancel 403",
      "/api/trpc/availability.slots 200",
    ]);
  });
});

const formPost = (headers: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: "customerEmail=victim%40example.com",
});

const trpcPost = (headers: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify({ json: { hostSlug: "demo" } }),
});

describe("requests from other sites", () => {
  it("refuses a form posted to a page from another site, with a sentence", async () => {
    const url = await serve(0);
    const answer = await fetch(`${url}/logout`, formPost({ origin: "https://evil.example" }));
    expect(answer.status).toBe(403);
    expect(await answer.text()).toBe("This request came from another site, so it was refused.");
  });

  it("refuses a tRPC call from another site, and from a page whose origin is hidden", async () => {
    const url = await serve(0);
    const trpc = `${url}/api/trpc/booking.create`;
    expect((await fetch(trpc, trpcPost({ origin: "https://evil.example" }))).status).toBe(403);
    expect((await fetch(trpc, trpcPost({ origin: "null" }))).status).toBe(403);
    // A subdomain or another port is another origin.
    expect((await fetch(trpc, trpcPost({ origin: "https://x.timetap.example" }))).status).toBe(403);
    expect((await fetch(trpc, trpcPost({ "sec-fetch-site": "same-site" }))).status).toBe(403);
    const forged = { origin: APP_URL, "sec-fetch-site": "cross-site" };
    expect((await fetch(trpc, trpcPost(forged))).status).toBe(403);
  });

  it("takes a form and a tRPC call from the app's own pages", async () => {
    const url = await serve(0);
    expect((await fetch(`${url}/logout`, formPost({ origin: APP_URL }))).status).toBe(200);
    const trpc = `${url}/api/trpc/booking.create`;
    expect((await fetch(trpc, trpcPost({ origin: APP_URL }))).status).toBe(200);
    // A browser that sends no Origin still says where the request came from.
    expect((await fetch(trpc, trpcPost({ "sec-fetch-site": "same-origin" }))).status).toBe(200);
    // Without JavaScript, under `Referrer-Policy: no-referrer`, Chromium posts a same-origin form
    // with `Origin: null`; Sec-Fetch-Site still vouches for it.
    const plainForm = formPost({ origin: "null", "sec-fetch-site": "same-origin" });
    expect((await fetch(`${url}/logout`, plainForm)).status).toBe(200);
  });

  it("takes a call with an API key from anywhere, and a script's call without browser headers", async () => {
    const url = await serve(0);
    const trpc = `${url}/api/trpc/host.update`;
    const withKey = trpcPost({ origin: "https://crm.example", authorization: "Bearer tt_key" });
    expect((await fetch(trpc, withKey)).status).toBe(200);
    expect((await fetch(trpc, trpcPost({}))).status).toBe(200);
  });

  it("lets anyone read pages: GET is never refused", async () => {
    const url = await serve(0);
    const answer = await fetch(`${url}/demo`, { headers: { origin: "https://evil.example" } });
    expect(answer.status).toBe(200);
  });
});

describe("security headers", () => {
  it("names a fresh nonce per response as the only inline scripts allowed, and no framing", async () => {
    const url = await serve(0);
    const [first, second] = await Promise.all([fetch(url), fetch(url)]);
    const policies = [first, second].map((answer) => answer.headers.get("content-security-policy"));
    const nonces = await Promise.all(
      [first, second].map(async (answer) => ((await answer.json()) as { nonce: string }).nonce),
    );
    expect(nonces[0]).not.toBe(nonces[1]);
    policies.forEach((policy, index) => {
      const directives = new Map(
        (policy ?? "").split(";").map((part) => {
          const [name = "", ...values] = part.trim().split(/\s+/);
          return [name, values.join(" ")];
        }),
      );
      expect(directives.get("script-src")).toBe(`'self' 'nonce-${nonces[index]}'`);
      expect(directives.get("frame-ancestors")).toBe("'none'");
      expect(directives.get("object-src")).toBe("'none'");
      expect(directives.get("base-uri")).toBe("'none'");
      expect(directives.get("connect-src")).toBe("'self'");
      expect(directives.get("form-action")).toBe("'self' https://accounts.google.com");
    });
    expect(first.headers.get("referrer-policy")).toBe("no-referrer");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("sends the headers on refusals too", async () => {
    const url = await serve(0);
    const refused = await fetch(url, formPost({ origin: "https://evil.example" }));
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(refused.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("answers API calls with a policy that allows nothing, on refusals too", async () => {
    const url = await serve(0);
    const answers = await Promise.all([
      ...[APP_URL, "https://evil.example"].map((origin) =>
        fetch(`${url}/api/trpc/booking.create`, trpcPost({ origin })),
      ),
      fetch(`${url}/api/trpc/availability.slots?input=%7B%7D`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 403, 200]);
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(answer.headers.get("x-powered-by")).toBeNull();
    }
    expect(await answers[1]!.text()).toBe(
      "This request came from another site, so it was refused.",
    );
  });

  it("leaves the policy and HSTS to production, where Vite's own scripts are not served", async () => {
    const answer = await fetch(await serve(0, false));
    expect(answer.headers.get("content-security-policy")).toBeNull();
    expect(answer.headers.get("strict-transport-security")).toBeNull();
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    // An API answer runs nothing of Vite's: its policy holds in development too.
    const call = await fetch(`${await serve(0, false)}/api/trpc/booking.create`, trpcPost({}));
    expect(call.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(call.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("compression", () => {
  it("compresses pages and API reads for a browser that asks, but not the small answers of tRPC calls by POST", async () => {
    const url = await serve(0, true, "x".repeat(10_000));
    const encoding = async (path: string, method = "GET") =>
      (
        await fetch(`${url}${path}`, {
          method,
          headers: { "accept-encoding": "gzip", "content-type": "application/json" },
          body: method === "POST" ? "{}" : undefined,
        })
      ).headers.get("content-encoding");

    expect(await encoding("/demo")).toBe("gzip");
    expect(await encoding("/api/trpc/host.bookings")).toBe("gzip");
    expect(await encoding("/demo", "POST")).toBe("gzip");
    expect(await encoding("/api/trpc/booking.create", "POST")).toBeNull();
  });
});
