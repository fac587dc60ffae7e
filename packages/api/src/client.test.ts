import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { seedDemo } from "@timetap/db";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimeTapClient } from "./client.ts";
import { createContext } from "./context.ts";
import { appRouter } from "./root.ts";
import { generateApiKey, hashApiKey } from "./hosts/api-key.ts";
import { useApiHarness } from "./testing/suite-hooks.ts";

const harness = useApiHarness();
let server: ReturnType<typeof createHTTPServer>;
let url: string;
let apiKey: string;

beforeAll(async () => {
  const host = await seedDemo(harness.db);
  apiKey = generateApiKey();
  await harness.db.apiKey.create({
    data: { hostId: host.id, name: "CRM", hashedKey: hashApiKey(apiKey) },
  });
  server = createHTTPServer({
    router: appRouter,
    createContext: ({ req }) =>
      createContext(harness.deps, { authorization: req.headers.authorization ?? null }),
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("createTimeTapClient over HTTP", () => {
  it("calls public procedures with typed, superjson-decoded results", async () => {
    const { host, packages } = await createTimeTapClient(url).catalog.host.query({ slug: "demo" });
    expect(host.name).toBe("Dana Demo");
    expect(packages).toHaveLength(2);
  });

  it("reaches host procedures with an API key, and only with a valid one", async () => {
    await expect(createTimeTapClient(url, { apiKey }).host.me.query()).resolves.toMatchObject({
      slug: "demo",
      email: "demo@timetap.local",
    });
    await expect(
      createTimeTapClient(url, { apiKey: `${apiKey}x` }).host.me.query(),
    ).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    await expect(createTimeTapClient(url).host.me.query()).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    const stored = await harness.db.apiKey.findFirstOrThrow();
    expect(stored.hashedKey).not.toContain(apiKey);
    expect(stored.lastUsedAt).not.toBeNull();
  });
});
