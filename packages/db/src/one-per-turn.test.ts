import { describe, expect, it } from "vitest";
import { nextTurn } from "./one-per-turn.ts";

describe("nextTurn", () => {
  it("hands out one resumption per turn of the event loop, in order", async () => {
    const seen: string[] = [];
    const first = nextTurn().then(() => seen.push("first resumed"));
    const second = nextTurn().then(() => seen.push("second resumed"));
    // Queued after both: with an immediate per resumption, both would run before it.
    setImmediate(() => seen.push("another socket's turn"));
    await Promise.all([first, second]);
    expect(seen).toEqual(["first resumed", "another socket's turn", "second resumed"]);
  });
});
