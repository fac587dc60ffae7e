import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { createRouteLabeler } from "./route-label.ts";

// The shape of Remix's manifest for part of TimeTap's routes, as the production build has it.
const routes = Object.fromEntries(
  [
    ["root", { path: "" }],
    ["routes/_index", { parentId: "root", index: true }],
    ["routes/dashboard", { path: "dashboard", parentId: "root" }],
    ["routes/dashboard._index", { parentId: "routes/dashboard", index: true }],
    ["routes/dashboard.packages", { path: "packages", parentId: "routes/dashboard" }],
    ["routes/$slug._index", { path: ":slug", parentId: "root", index: true }],
    ["routes/$slug.book", { path: ":slug/book", parentId: "root" }],
    ["routes/bookings.$id", { path: "bookings/:id", parentId: "root" }],
    ["routes/api.trpc.$", { path: "api/trpc/*", parentId: "root" }],
  ].map(([id, route]) => [id, { id, ...(route as object) }]),
) as unknown as ServerBuild["routes"];

const label = createRouteLabeler(routes, ["/healthz", "/metrics"], new Set(["booking.create"]));

describe("route labels for HTTP metrics", () => {
  it.each([
    ["/", "/"],
    ["/dashboard", "/dashboard"],
    ["/dashboard/packages", "/dashboard/packages"],
    ["/metrics", "/metrics"],
    ["/demo", "/:slug"],
    ["/anna-coach/book", "/:slug/book"],
    ["/bookings/5b1c0f0e-9d1a-4a53-a1f5-3c8f1c2a9e11", "/bookings/:id"],
    ["/assets/root-BK79_fwr.js", "/assets/*"],
    ["/favicon.svg", "/(static file)"],
    ["/api/trpc/booking.create", "/api/trpc/booking.create"],
    ["/api/trpc/booking.create,booking.create", "/api/trpc/*"],
    ["/api/trpc/made.up", "/api/trpc/*"],
    ["/a/b/c/d", "(unmatched)"],
  ])("%s is counted as %s", (path, expected) => {
    expect(label(path)).toBe(expected);
  });
});
