import { createServer } from "node:http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { appRouter } from "@timetap/api";
import express from "express";
import { apiEndpoint } from "./server/api-endpoint.ts";
import { apiFront, clientIpOf } from "./server/api-front.ts";
import { readConfig } from "./server/config.ts";
import { googleAuthorizationOrigin } from "./server/google.ts";
import { createHttpApp } from "./server/http-app.ts";
import { createAppLoadContext } from "./server/load-context.ts";
import { mountOperations, observeHttp, operationsPaths } from "./server/operations-routes.ts";
import { createRouteLabeler } from "./server/route-label.ts";
import { runMain } from "./server/run-main.ts";
import { cspNonce } from "./server/security-headers.ts";

async function main() {
  const config = readConfig();
  const { appUrl, isProduction, port, trustProxy } = config;
  const context = await createAppLoadContext(config);
  const vite = isProduction
    ? undefined
    : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : ((await import(new URL("./build/server/index.js", import.meta.url).href)) as ServerBuild);

  const app = createHttpApp({
    trustProxy,
    appUrl,
    isProduction,
    googleAuthorizationOrigin: googleAuthorizationOrigin(config),
  });
  const routeLabel =
    typeof build === "function"
      ? () => "(development)"
      : createRouteLabeler(
          build.routes,
          [...operationsPaths, "/api/trpc/*"],
          new Set(Object.keys(appRouter._def.procedures)),
        );
  const observe = observeHttp(context.api, routeLabel);
  app.use((request, response, next) => {
    observe(request, response, request.path);
    next();
  });
  mountOperations(app, { api: context.api, metricsToken: config.metricsToken, isProduction });
  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    app.use(express.static("build/client", { maxAge: "1h" }));
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (request, response) => ({
        ...context,
        clientIp: request.ip ?? null,
        cspNonce: cspNonce(response),
      }),
    }),
  );

  const started = () =>
    context.api.logger.info("server_started", { url: context.appUrl, ...context.describe });
  // The development server (secrets on disk, the emulator's grants) is for this machine only.
  const api = apiEndpoint(context, clientIpOf(trustProxy));
  const front = apiFront({ appUrl, isProduction, observe, serve: api });
  const server = createServer((request, response) => {
    if (!front(request, response)) app(request, response);
  });
  if (isProduction) server.listen(port, started);
  else server.listen(port, "127.0.0.1", started);
  const shutdown = () => {
    server.close(async () => {
      await context.close();
      await vite?.close();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() open; requests in flight still finish.
    server.closeIdleConnections();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

runMain(main);
