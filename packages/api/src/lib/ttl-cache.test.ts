import { describe, expect, it } from "vitest";
import { TTLCache } from "./ttl-cache.ts";

describe("TTLCache", () => {
  it("serves an entry until its time-to-live has passed", () => {
    let now = 0;
    const cache = new TTLCache<string>(1_000, { now: () => new Date(now) });
    cache.set("host-1|a", "busy");
    now = 999;
    expect(cache.get("host-1|a")).toBe("busy");
    now = 1_000;
    expect(cache.get("host-1|a")).toBeUndefined();
  });

  it("drops all entries of one prefix and keeps the others", () => {
    const cache = new TTLCache<number>(60_000, { now: () => new Date(0) });
    cache.set("host-1|a", 1);
    cache.set("host-1|b", 2);
    cache.set("host-2|a", 3);
    cache.deletePrefix("host-1|");
    expect([cache.get("host-1|a"), cache.get("host-1|b"), cache.get("host-2|a")]).toEqual([
      undefined,
      undefined,
      3,
    ]);
  });
});
