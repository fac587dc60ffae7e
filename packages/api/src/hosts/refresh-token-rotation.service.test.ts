import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenCipher } from "../lib/token-crypto.ts";
import { legacyEncrypt } from "../testing/legacy-token.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";
import { rotateRefreshTokens } from "./refresh-token-rotation.service.ts";

const harness = useApiHarness();
const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("base64");
const lostKey = randomBytes(32).toString("base64");

async function hostWith(slug: string, token: (hostId: string) => string) {
  const host = await harness.db.host.create({
    data: { email: `${slug}@example.com`, name: slug, slug, timeZone: "UTC" },
  });
  return harness.db.host.update({
    where: { id: host.id },
    data: { googleRefreshToken: token(host.id), calendarStatus: "connected" },
  });
}

describe("rotating refresh tokens to the newest key", () => {
  it("re-encrypts old-key and old-format tokens so the old key can be dropped, and keeps unreadable ones", async () => {
    const legacy = await hostWith("legacy", () => legacyEncrypt("1//legacy", oldKey));
    const old = await hostWith("old", (id) => createTokenCipher([oldKey]).encrypt("1//old", id));
    const current = await hostWith("current", (id) =>
      createTokenCipher([newKey]).encrypt("1//current", id),
    );
    const lost = await hostWith("lost", (id) =>
      createTokenCipher([lostKey]).encrypt("1//lost", id),
    );

    const tokens = createTokenCipher([newKey, oldKey]);
    await expect(rotateRefreshTokens({ ...harness.deps, tokens })).resolves.toEqual({
      rotated: 2,
      alreadyCurrent: 1,
      unreadable: 1,
    });

    const newOnly = createTokenCipher([newKey]);
    const stored = async (id: string) =>
      (await harness.db.host.findUniqueOrThrow({ where: { id } })).googleRefreshToken ?? "";
    expect(newOnly.decrypt(await stored(legacy.id), legacy.id)).toBe("1//legacy");
    expect(newOnly.decrypt(await stored(old.id), old.id)).toBe("1//old");
    expect(await stored(current.id)).toBe(current.googleRefreshToken);
    expect(await stored(lost.id)).toBe(lost.googleRefreshToken);
    expect(harness.logger.lines).toContainEqual(
      expect.objectContaining({ event: "refresh_token_unreadable", hostId: lost.id }),
    );

    await expect(rotateRefreshTokens({ ...harness.deps, tokens })).resolves.toEqual({
      rotated: 0,
      alreadyCurrent: 3,
      unreadable: 1,
    });
  });
});
