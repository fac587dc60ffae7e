import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { DatabaseUnavailableError } from "./errors.ts";

/** `"memory"` gives a throwaway database (tests); a path keeps the data on disk. */
export type EmbeddedLocation = string | "memory";

/**
 * Opens the embedded database. On disk it belongs to one process at a time (PGlite has no server
 * to arbitrate), so a lock file beside it turns a second opener into a clear error instead of a
 * corrupted database. `release` gives the lock back after closing.
 */
export async function openEmbedded(
  location: EmbeddedLocation,
): Promise<{ pglite: PGlite; release: () => void }> {
  // PGlite.create, unlike the constructor, waits for extensions to be installed before returning.
  const options = { extensions: { btree_gist } };
  if (location === "memory")
    return { pglite: await PGlite.create(options), release: () => undefined };
  mkdirSync(location, { recursive: true });
  const release = lock(`${location}.lock`, location);
  try {
    return { pglite: await PGlite.create(location, options), release };
  } catch (error) {
    release();
    throw error;
  }
}

function lock(file: string, location: string): () => void {
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(file, "utf8"));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new DatabaseUnavailableError(
        `The embedded database at ${location} is in use by another TimeTap process (pid ${holder}). Stop it first, or set DATABASE_URL.`,
      );
    }
    // Left behind by a process that is gone.
    rmSync(file, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
