import { describe, expect, it } from "vitest";
import { createJsonLogger } from "./logger.ts";

describe("createJsonLogger", () => {
  it("writes one parseable JSON object per event, with level, event and fields", () => {
    const lines: string[] = [];
    const logger = createJsonLogger((line) => lines.push(line));
    logger.error("calendar_sync_failed", {
      bookingId: "b-1",
      googleStatus: 503,
      note: "multi\nline",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "error",
      event: "calendar_sync_failed",
      bookingId: "b-1",
      googleStatus: 503,
      note: "multi\nline",
    });
  });
});
