import { seedDemo } from "@timetap/db";
import { beforeAll, describe, expect, it } from "vitest";
import { generateApiKey, hashApiKey } from "./api-key.ts";
import { endSession, resumeSession, startSession } from "./host-sessions.service.ts";
import { MONDAY_MORNING } from "../testing/booking-fixtures.ts";
import { useApiHarness } from "../testing/suite-hooks.ts";

const harness = useApiHarness({ now: MONDAY_MORNING });
let hostId: string;
beforeAll(async () => {
  hostId = (await seedDemo(harness.db)).id;
});

const days = (n: number) => new Date(MONDAY_MORNING.getTime() + n * 86_400_000);

describe("host sessions", () => {
  it("keep only a random id in the cookie and end for every copy when signed out", async () => {
    harness.setNow(MONDAY_MORNING);
    const id = await startSession(harness.deps, hostId, "Firefox on Linux");
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(await resumeSession(harness.deps, id)).toEqual({ hostId });
    await endSession(harness.deps, id);
    expect(await resumeSession(harness.deps, id)).toBeNull();
  });

  it("end after 30 days without use, and slide while used", async () => {
    harness.setNow(MONDAY_MORNING);
    const idle = await startSession(harness.deps, hostId, null);
    const used = await startSession(harness.deps, hostId, null);
    harness.setNow(days(20));
    expect(await resumeSession(harness.deps, used)).toEqual({ hostId });
    harness.setNow(days(31));
    expect(await resumeSession(harness.deps, idle)).toBeNull();
    expect(await harness.db.hostSession.findUnique({ where: { id: idle } })).toBeNull();
    expect(await resumeSession(harness.deps, used)).toEqual({ hostId });
    harness.setNow(days(62));
    expect(await resumeSession(harness.deps, used)).toBeNull();
  });

  it("are listed for the host, the current one marked, and 'Sign out everywhere' ends them all", async () => {
    harness.setNow(MONDAY_MORNING);
    await harness.db.hostSession.deleteMany();
    const mine = await startSession(harness.deps, hostId, "Chromium on this laptop");
    const other = await startSession(harness.deps, hostId, "Safari on a phone");
    const asHost = harness.caller({ sessionHostId: hostId, sessionId: mine });

    const listed = await asHost.host.sessions();
    expect(listed.map((s) => [s.userAgent, s.current]).sort()).toEqual([
      ["Chromium on this laptop", true],
      ["Safari on a phone", false],
    ]);
    expect(JSON.stringify(listed)).not.toContain(other);

    await expect(asHost.host.signOutEverywhere()).resolves.toEqual({ ended: 2 });
    expect(await resumeSession(harness.deps, mine)).toBeNull();
    expect(await resumeSession(harness.deps, other)).toBeNull();
  });

  it("cannot be listed or ended with an API key", async () => {
    const key = generateApiKey();
    await harness.db.apiKey.create({ data: { hostId, name: "crm", hashedKey: hashApiKey(key) } });
    const withKey = harness.caller({ authorization: `Bearer ${key}` });
    await expect(withKey.host.sessions()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withKey.host.signOutEverywhere()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
