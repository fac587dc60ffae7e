import { checkReadiness, sameSecret, type ApiDeps } from "@timetap/api";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Express, NextFunction, Request, Response } from "express";

/** The paths this module serves, for route labels. */
export const operationsPaths = ["/healthz", "/readyz", "/metrics"];

/**
 * What a load balancer and a Prometheus server ask: `/healthz` (the process answers), `/readyz`
 * (the database, its migrations, a fresh sync worker) and `/metrics`, behind `METRICS_TOKEN`.
 * Mounted before Remix, so they cost no page render and pass no same-origin check (GET only).
 */
export function mountOperations(
  app: Express,
  {
    api,
    metricsToken,
    isProduction,
  }: { api: ApiDeps; metricsToken: string | undefined; isProduction: boolean },
) {
  const fresh = (response: Response) => response.set("Cache-Control", "no-store");
  app.get("/healthz", (_request, response) => {
    fresh(response).json({ ok: true });
  });
  app.get("/readyz", (_request, response, next) => {
    checkReadiness(api)
      .then((readiness) =>
        fresh(response)
          .status(readiness.ready ? 200 : 503)
          .json(readiness),
      )
      .catch(next);
  });
  app.get("/metrics", (request: Request, response: Response, next: NextFunction) => {
    fresh(response);
    if (metricsToken) {
      const given = /^Bearer (.+)$/.exec(request.get("authorization") ?? "")?.[1];
      if (!given || !sameSecret(metricsToken, given)) {
        response
          .status(401)
          .set("WWW-Authenticate", "Bearer")
          .type("text")
          .send("Bearer token required.");
        return;
      }
    } else if (isProduction) {
      // Counts of bookings and failures are the operator's business, not the internet's.
      response.status(404).type("text").send("Set METRICS_TOKEN to turn /metrics on.");
      return;
    }
    api.metrics
      .render()
      .then((text) => response.type(api.metrics.contentType).send(text))
      .catch(next);
  });
}

/** Times every response, labelled by the route pattern that served it. */
export function observeHttp(api: ApiDeps, label: (pathname: string) => string) {
  return (request: IncomingMessage, response: ServerResponse, pathname: string) => {
    const started = performance.now();
    // Labelled now: a mounted middleware (express.static under /assets) rewrites the path.
    const route = label(pathname);
    response.once("finish", () => {
      api.metrics.observeHttp(
        { method: request.method ?? "", route, status: response.statusCode },
        (performance.now() - started) / 1000,
      );
    });
  };
}
