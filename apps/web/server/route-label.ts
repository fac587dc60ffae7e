import type { ServerBuild } from "@remix-run/node";

/**
 * Names a request by the route pattern that serves it ("/:slug/book", "/dashboard/packages"),
 * never by its path: a metric labelled with every host's slug or booking id would grow without
 * bound. Patterns come from Remix's route manifest, plus the routes the server adds itself.
 */
export function createRouteLabeler(
  routes: ServerBuild["routes"],
  serverPaths: string[],
  procedures: ReadonlySet<string>,
) {
  const fullPath = (id: string | undefined): string[] => {
    const route = id ? routes[id] : undefined;
    if (!route) return [];
    return [...fullPath(route.parentId), ...(route.path ?? "").split("/").filter(Boolean)];
  };
  const patterns = [
    ...new Set([
      ...serverPaths,
      "/assets/*",
      ...Object.keys(routes).map((id) => `/${fullPath(id).join("/")}`),
    ]),
  ]
    .map((pattern) => ({ pattern, segments: pattern.split("/").filter(Boolean) }))
    // A literal segment is more specific than a parameter: "/dashboard/packages" before "/:slug/book".
    .sort((a, b) => literals(b.segments) - literals(a.segments));

  return (pathname: string): string => {
    const segments = pathname.split("/").filter(Boolean);
    // express.static serves files such as /favicon.svg before any route; slugs have no dot.
    if (segments.length === 1 && segments[0]!.includes(".")) return "/(static file)";
    const match = patterns.find(({ segments: pattern }) => matches(pattern, segments));
    if (!match) return "(unmatched)";
    if (match.pattern !== "/api/trpc/*") return match.pattern;
    // One procedure per label; a batch or an unknown name is not worth a label of its own.
    const called = segments.slice(2).join("/");
    return procedures.has(called) ? `/api/trpc/${called}` : "/api/trpc/*";
  };
}

function literals(segments: string[]): number {
  return segments.filter((segment) => !segment.startsWith(":") && segment !== "*").length;
}

function matches(pattern: string[], segments: string[]): boolean {
  if (pattern.at(-1) === "*")
    return (
      segments.length >= pattern.length - 1 &&
      matches(pattern.slice(0, -1), segments.slice(0, pattern.length - 1))
    );
  return (
    pattern.length === segments.length &&
    pattern.every((part, i) => part.startsWith(":") || part === segments[i])
  );
}
