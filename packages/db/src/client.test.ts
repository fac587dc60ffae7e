import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, describeDatabaseUrl } from "./client.ts";
import { DatabaseUnavailableError } from "./errors.ts";

describe("createDb with a server URL", () => {
  it("fails with one line naming the host but never the password when the server is unreachable", async () => {
    const error = await createDb({
      databaseUrl: "postgres://alice:s3cret-pw@127.0.0.1:1/timetap",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1");
    expect(message).not.toContain("s3cret-pw");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("describes a URL without its credentials", () => {
    expect(describeDatabaseUrl("postgres://u:p@db.example.com/app")).toBe(
      "db.example.com:5432/app",
    );
  });
});

describe("the embedded database on disk", () => {
  it("refuses a second process with one clear line, and is free again once closed", async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "timetap-db-")), "pglite");
    const first = await createDb({ embedded: dir });
    // Another live process (our parent) holding the lock is what a second TimeTap would see.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    const error = await createDb({ embedded: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/in use by another TimeTap process \(pid \d+\)/);
    await first.close();
    // A lock whose process is gone is taken over.
    writeFileSync(`${dir}.lock`, "999999999");
    const again = await createDb({ embedded: dir });
    await expect(again.prisma.host.count()).resolves.toBe(0);
    await again.close();
  });
});
