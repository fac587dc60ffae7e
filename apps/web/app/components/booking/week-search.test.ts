import { describe, expect, it } from "vitest";
import { weekSearch } from "./week-search";

describe("weekSearch", () => {
  it("addresses a week of a package, without a zone when the visitor has none", () => {
    expect(String(weekSearch("pkg", null, "2027-02-01", null))).toBe("package=pkg&week=2027-02-01");
  });

  it("keeps the visitor's zone and the booking being moved", () => {
    expect(
      String(weekSearch("pkg", "Europe/Berlin", "2027-02-08", { id: "b1", token: "t1" })),
    ).toBe("package=pkg&reschedule=b1&token=t1&tz=Europe%2FBerlin&week=2027-02-08");
  });

  it("names a booking its host moves by its id alone: the host's session is the proof", () => {
    expect(String(weekSearch("pkg", null, "2027-02-08", { id: "b1", token: null }))).toBe(
      "package=pkg&move=b1&week=2027-02-08",
    );
  });
});
