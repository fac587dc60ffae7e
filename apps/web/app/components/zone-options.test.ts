import { describe, expect, it } from "vitest";
import { zoneOptions } from "./zone-options";

describe("zoneOptions", () => {
  it("lists every zone the runtime knows, sorted, once each", () => {
    const zones = zoneOptions("Europe/Berlin", "Europe/Berlin");
    expect(zones).toEqual([...Intl.supportedValuesOf("timeZone")].sort());
    expect(zones.filter((zone) => zone === "Europe/Berlin")).toHaveLength(1);
  });

  it("adds the page's zones when the runtime spells them differently", () => {
    const zones = zoneOptions("Asia/Calcutta", "UTC");
    expect(zones).toContain("Asia/Calcutta");
    expect(zones).toContain("UTC");
    expect(zones).toEqual([...zones].sort());
  });
});
