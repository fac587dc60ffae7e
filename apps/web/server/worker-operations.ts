import type { Server } from "node:http";
import type { ApiDeps } from "@timetap/api";
import express from "express";
import { mountOperations } from "./operations-routes.ts";

/**
 * A `pnpm worker` process's own /healthz, /readyz and /metrics (WORKER_METRICS_PORT): its Google
 * calls and outbox work are counted in its own registry, which no web process serves. The same
 * METRICS_TOKEN rule as the web's /metrics.
 */
export async function serveWorkerOperations(
  api: ApiDeps,
  options: { port: number; metricsToken: string | undefined; isProduction: boolean },
): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  mountOperations(app, { api, ...options });
  const server = app.listen(options.port);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return server;
}
