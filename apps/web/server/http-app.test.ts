import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpApp, MAX_BODY_BYTES } from "./http-app.ts";

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A real server on loopback whose one route answers with the client address it sees. */
async function serve(trustProxy: number) {
  const app = createHttpApp({ trustProxy });
  app.all("*", (request, response) => {
    response.json({ ip: request.ip });
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
