import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTokenCipher } from "@timetap/api";
import { legacyEncrypt } from "@timetap/api/testing";
import { createDb, seedDemo } from "@timetap/db";
import { describe, expect, it } from "vitest";

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "rotate-tokens.ts");
const run = promisify(execFile);

describe("pnpm --filter @timetap/web rotate-tokens", () => {
  it("re-encrypts a stored token with the newest key, after which the old key can go", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "timetap-rotate-"));
    const [oldKey, newKey] = [randomBytes(32).toString("base64"), randomBytes(32).toString("hex")];
    const database = { embedded: path.join(dataDir, "pglite") };
    let db = await createDb(database);
    const host = await seedDemo(db.prisma);
    await db.prisma.host.update({
      where: { id: host.id },
      data: { googleRefreshToken: legacyEncrypt("1//demo-refresh", oldKey) },
    });
    await db.close();

    const { stdout } = await run(process.execPath, ["--import", "tsx", script], {
      env: {
        ...process.env,
        TIMETAP_DATA_DIR: dataDir,
        TOKEN_ENCRYPTION_KEYS: `${newKey},${oldKey}`,
      },
    });
    expect(stdout).toContain("Re-encrypted 1 refresh token(s) with the newest key");

    db = await createDb(database);
    try {
      const stored = await db.prisma.host.findUniqueOrThrow({ where: { id: host.id } });
      expect(createTokenCipher([newKey]).decrypt(stored.googleRefreshToken ?? "", host.id)).toBe(
        "1//demo-refresh",
      );
    } finally {
      await db.close();
    }
  }, 180_000);
});
