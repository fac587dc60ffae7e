import { describe, expect, it } from "vitest";
import { googleEndpoints } from "./endpoints.ts";

describe("googleEndpoints", () => {
  it("uses Google's hosts by default", () => {
    expect(googleEndpoints()).toEqual({
      authUrl: "https://accounts.google.com/o/oauth2/v2/auth",
      tokenUrl: "https://oauth2.googleapis.com/token",
      revokeUrl: "https://oauth2.googleapis.com/revoke",
      userinfoUrl: "https://www.googleapis.com/oauth2/v3/userinfo",
      calendarRootUrl: "https://www.googleapis.com/",
    });
  });

  it("puts every endpoint under a base URL with Google's paths", () => {
    expect(googleEndpoints("http://localhost:4010/")).toEqual({
      authUrl: "http://localhost:4010/o/oauth2/v2/auth",
      tokenUrl: "http://localhost:4010/token",
      revokeUrl: "http://localhost:4010/revoke",
      userinfoUrl: "http://localhost:4010/oauth2/v3/userinfo",
      calendarRootUrl: "http://localhost:4010/",
    });
  });

  it("rejects a base URL with a path, which googleapis would silently drop", () => {
    expect(() => googleEndpoints("http://localhost:4010/google")).toThrow(/origin/);
  });
});
