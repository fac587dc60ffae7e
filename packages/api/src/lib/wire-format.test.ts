import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeForWire } from "./wire-format.ts";

const shared = { a: 1 };
const samples: Record<string, unknown> = {
  "a month of slots": {
    slots: Array.from({ length: 500 }, (_, i) => ({
      start: new Date(Date.UTC(2030, 0, 7) + i * 900_000),
      end: new Date(Date.UTC(2030, 0, 7) + i * 900_000 + 1_800_000),
    })),
    calendarDegraded: false,
  },
  "a confirmation": {
    id: "b1",
    startTime: new Date(0),
    host: { name: "Dana", slug: "demo" },
    meetLink: null,
    tags: ["x", 1, true, null],
  },
  "an empty answer": {},
  "a list without dates": [1, "two", { three: [3] }],
  "an undefined field": { a: undefined, b: new Date(1) },
  "a Map": { m: new Map([["k", 1]]) },
  "an object met twice": { x: shared, y: shared },
  "a Date met twice": (() => {
    const d = new Date(5);
    return { from: d, to: d };
  })(),
  "a key with a dot": { "a.b": new Date(2) },
  "special numbers": { n: Number.NaN, i: Infinity, z: -0 },
  "a bare Date": new Date(3),
  "a bare string": "text",
  "an invalid Date": { d: new Date(Number.NaN) },
  "a BigInt": { big: 10n },
};

describe("serializeForWire", () => {
  for (const [name, value] of Object.entries(samples)) {
    it(`writes ${name} exactly as superjson does`, () => {
      const ours = serializeForWire(value);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(superjson.serialize(value)));
      expect(superjson.deserialize(ours)).toEqual(value);
    });
  }
});
