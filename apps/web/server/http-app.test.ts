import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, MAX_BODY_BYTES } from "./http-app.ts";

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

const APP_URL = "https://timetap.example";

/**
 * A real server on loopback, deployed at APP_URL, whose one route answers with the client address
 * and the CSP nonce it sees.
 */
async function serve(trustProxy: number, isProduction = true) {
  const app = createHttpApp({
    trustProxy,
    appUrl: APP_URL,
    isProduction,
    googleAuthorizationOrigin: "https://accounts.google.com",
  });
  app.all("*", (request, response) => {
    response.json({ ip: request.ip, nonce: response.locals["cspNonce"] });
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ipSeen = async (url: string, forwardedFor: string) =>
  (
    (await (await fetch(url, { headers: { "x-forwarded-for": forwardedFor } })).json()) as {
      ip: string;
    }
  ).ip;

describe("the HTTP front", () => {
  it("ignores X-Forwarded-For unless proxies are trusted, so a client cannot pick its address", async () => {
    expect(await ipSeen(await serve(0), "198.51.100.1")).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy reports", async () => {
    // The client forged the first entry; the one proxy we trust appended the address it saw.
    expect(await ipSeen(await serve(1), "10.0.0.1, 198.51.100.7")).toBe("198.51.100.7");
  });

  it("answers 413 to a 10 MB body and 411 to a body without a length, and takes a small form", async () => {
    const url = await serve(0);
    const big = await fetch(url, { method: "POST", body: "x".repeat(10 * 1024 * 1024) });
    expect(big.status).toBe(413);
    const chunked = await fetch(url, {
      method: "POST",
      body: new Blob(["a=1"]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(411);
    const form = await fetch(url, { method: "POST", body: "a".repeat(MAX_BODY_BYTES) });
    expect(form.status).toBe(200);
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

  it("leaves the policy and HSTS to production, where Vite's own scripts are not served", async () => {
    const answer = await fetch(await serve(0, false));
    expect(answer.headers.get("content-security-policy")).toBeNull();
    expect(answer.headers.get("strict-transport-security")).toBeNull();
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("compression", () => {
  it("compresses pages and API reads for a browser that asks, but not the small answers of tRPC calls by POST", async () => {
    const app = createHttpApp({
      trustProxy: 0,
      appUrl: APP_URL,
      isProduction: true,
      googleAuthorizationOrigin: "https://accounts.google.com",
    });
    app.all("*", (_request, response) => {
      response.json({ filler: "x".repeat(10_000) });
    });
    const server = app.listen(0, "127.0.0.1");
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
