import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

/** `"memory"` gives a throwaway database (tests); a path keeps the data on disk. */
export type EmbeddedLocation = string | "memory";

export async function openEmbedded(location: EmbeddedLocation): Promise<PGlite> {
  if (location !== "memory") mkdirSync(location, { recursive: true });
  // PGlite.create, unlike the constructor, waits for extensions to be installed before returning.
  const options = { extensions: { btree_gist } };
  return location === "memory" ? PGlite.create(options) : PGlite.create(location, options);
}
