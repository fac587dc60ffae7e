import { seedDemo } from "@timetap/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimeTapClient } from "./client.ts";
import { generateApiKey, hashApiKey } from "./hosts/api-key.ts";
import { serveApi } from "./testing/serve-api.ts";
import { useApiHarness } from "./testing/suite-hooks.ts";

const harness = useApiHarness();
let server: Awaited<ReturnType<typeof serveApi>> | undefined;
let url: string;
let apiKey: string;

beforeAll(async () => {
  const host = await seedDemo(harness.db);
  apiKey = generateApiKey();
  await harness.db.apiKey.create({
    data: { hostId: host.id, name: "CRM", hashedKey: hashApiKey(apiKey) },
  });
  server = await serveApi(harness.deps);
  url = server.url;
});
afterAll(async () => {
  await server?.close();
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
