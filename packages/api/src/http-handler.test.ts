import { seedDemo } from "@timetap/db";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { apiOverHttp } from "./testing/api-over-http.ts";
import { MONDAY_MORNING } from "./testing/booking-fixtures.ts";
import { useApiHarness } from "./testing/suite-hooks.ts";

// Pinned: the Monday the slots are asked for must lie within the demo's 60-day horizon.
const harness = useApiHarness({ now: MONDAY_MORNING });
beforeAll(async () => {
  await seedDemo(harness.db);
});

function get(path: string, input: unknown) {
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  return apiOverHttp(new Request(`http://test/api/trpc/${path}?input=${query}`), harness.deps, {});
}

describe("the HTTP API", () => {
  it("serves a query with superjson", async () => {
    const response = await get("catalog.host", { slug: "demo" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      result: { data: Parameters<typeof superjson.deserialize>[0] };
    };
    expect(superjson.deserialize<{ host: { name: string } }>(body.result.data).host.name).toBe(
      "Dana Demo",
    );
  });

  it("answers malformed input with 400 BAD_REQUEST, a readable message and the zod issues", async () => {
    const response = await get("catalog.host", { slug: 42 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: {
        json: { message: string; data: { code: string; zodIssues: Array<{ path: string[] }> } };
      };
    };
    expect(error.json.data.code).toBe("BAD_REQUEST");
    expect(error.json.message).toBe("slug: Invalid input: expected string, received number");
    expect(error.json.data.zodIssues[0]?.path).toEqual(["slug"]);
  });

  it("accepts ISO 8601 strings for instants from clients without superjson", async () => {
    const pkg = await harness.db.sessionPackage.findFirstOrThrow({
      where: { durationMinutes: 30 },
    });
    const input = {
      json: {
        hostSlug: "demo",
        packageId: pkg.id,
        from: "2030-01-07T00:00:00Z",
        to: "2030-01-08T00:00:00Z",
      },
    };
    const response = await apiOverHttp(
      new Request(
        `http://test/api/trpc/availability.slots?input=${encodeURIComponent(JSON.stringify(input))}`,
      ),
      harness.deps,
      {},
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { slots: unknown[] } } } };
    expect(body.result.data.json.slots).toHaveLength(16);
  });

  it("answers an unknown host with 404", async () => {
    expect((await get("catalog.host", { slug: "nobody" })).status).toBe(404);
  });
});
