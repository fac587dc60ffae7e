import superjson, { type SuperJSONResult } from "superjson";

/** Met something only superjson itself knows how to write. */
const UNSUPPORTED = Symbol("unsupported");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * What superjson writes for a value, byte for byte, in one pass for what procedures answer with:
 * plain objects and arrays of JSON values and Dates (a month of slots holds thousands of Dates,
 * which superjson walks with much bookkeeping each). Anything else (undefined, a Map, a special
 * number, an object met twice, a key holding a dot, a bare Date) goes to superjson itself.
 */
export function serializeForWire(value: unknown): SuperJSONResult {
  if (value === null || typeof value !== "object" || value instanceof Date)
    return superjson.serialize(value);
  const dates: Record<string, ["Date"]> = {};
  const seen = new Set<object>();

  function write(node: unknown, path: string): Json | typeof UNSUPPORTED {
    switch (typeof node) {
      case "string":
      case "boolean":
        return node;
      case "number":
        return Number.isFinite(node) && !Object.is(node, -0) ? node : UNSUPPORTED;
      case "object": {
        if (node === null) return null;
        if (seen.has(node)) return UNSUPPORTED;
        seen.add(node);
        if (node instanceof Date) {
          if (Number.isNaN(node.getTime())) return UNSUPPORTED;
          dates[path] = ["Date"];
          return node.toISOString();
        }
        const prefix = path === "" ? "" : `${path}.`;
        if (Array.isArray(node)) {
          const out: Json[] = [];
          for (let i = 0; i < node.length; i++) {
            const item = write(node[i], `${prefix}${i}`);
            if (item === UNSUPPORTED) return UNSUPPORTED;
            out.push(item);
          }
          return out;
        }
        if (Object.getPrototypeOf(node) !== Object.prototype) return UNSUPPORTED;
        const out: Record<string, Json> = {};
        for (const [key, item] of Object.entries(node)) {
          if (key.includes(".") || key.includes("\\")) return UNSUPPORTED;
          const written = write(item, `${prefix}${key}`);
          if (written === UNSUPPORTED) return UNSUPPORTED;
          out[key] = written;
        }
        return out;
      }
      default:
        return UNSUPPORTED;
    }
  }

  const json = write(value, "");
  if (json === UNSUPPORTED) return superjson.serialize(value);
  return Object.keys(dates).length > 0 ? { json, meta: { values: dates, v: 1 } } : { json };
}

/** tRPC's transformer: superjson both ways, its answers written by `serializeForWire`. */
export const wireTransformer = {
  input: superjson,
  output: { serialize: serializeForWire, deserialize: superjson.deserialize },
};

/** The body tRPC's HTTP adapter writes for one query (not batched) answering `value`. */
export function queryResponseBody(value: unknown): string {
  return JSON.stringify({ result: { data: serializeForWire(value) } });
}
