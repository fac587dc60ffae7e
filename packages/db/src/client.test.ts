import { describe, expect, it } from "vitest";
import { createDb, DatabaseUnavailableError, describeDatabaseUrl } from "./client.ts";

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
