import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { controlPrefix, handleControl } from "./control-routes.ts";
import { createControls, type Controls } from "./controls.ts";
import { errorReply, googleErrorReply, oauthErrorReply } from "./google-error.ts";
import { parseBody, queryObject, type ParsedRequest, type Reply } from "./http.ts";
import { findRoute } from "./routes.ts";
import { EmulatorState } from "./state.ts";
import type { Emulator, Operation } from "./types.ts";

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

const defaultMessages: Record<string, string> = {
  rateLimitExceeded: "Rate Limit Exceeded",
  userRateLimitExceeded: "User Rate Limit Exceeded",
  backendError: "Backend Error",
  invalid_grant: "Token has been expired or revoked.",
};

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return;
  if ("json" in reply) {
    res.writeHead(reply.status, {
      "content-type": "application/json; charset=UTF-8",
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.json));
  } else if ("html" in reply) {
    res.writeHead(reply.status, { "content-type": "text/html; charset=utf-8" });
    res.end(reply.html);
  } else if ("location" in reply) {
    res.writeHead(302, { location: reply.location });
    res.end();
  } else {
    res.writeHead(204);
    res.end();
  }
}

/** Injected failures use the error shape the real endpoint would use. */
function injectedFailure(
  operation: Operation,
  status: number,
  reason: string,
  message: string | undefined,
): Reply {
  const text = message ?? defaultMessages[reason] ?? reason;
  return operation === "token" || operation === "revoke"
    ? oauthErrorReply(status, reason, text)
    : googleErrorReply(status, reason, text);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function parse(req: IncomingMessage, base: string): Promise<ParsedRequest> {
  const raw = await text(req);
  return {
    method: req.method ?? "GET",
    url: new URL(req.url ?? "/", base),
    headers: req.headers,
    body: parseBody(raw, req.headers["content-type"]),
    rawBody: raw,
  };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = new EmulatorState();
  const held = new Set<ServerResponse>();
  const dropHeld = () => {
    for (const res of held) res.destroy();
    held.clear();
  };
  const controls: Controls = createControls(state, dropHeld);
  const host = options.host ?? "127.0.0.1";
  let base = "http://localhost";

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = await parse(req, base);
    if (parsed.url.pathname.startsWith(controlPrefix))
      return send(res, handleControl(controls, parsed));
    const found = findRoute(parsed.method, parsed.url.pathname);
    const operation = found?.route.operation ?? null;
    state.journal.record({
      method: parsed.method,
      path: parsed.url.pathname,
      query: queryObject(parsed.url),
      body: parsed.body,
      operation,
      at: new Date(state.clock.now()).toISOString(),
    });
    if (!found) return send(res, googleErrorReply(404, "notFound", "Not Found"));
    if (operation !== null && operation !== "authorize" && operation !== "consent") {
      if (state.faults.takeHang(operation)) {
        held.add(res);
        res.on("close", () => held.delete(res));
        return;
      }
      const latency = state.faults.latency(operation);
      if (latency > 0) await sleep(latency);
      const failure = state.faults.takeFailure(operation);
      if (failure)
        return send(
          res,
          injectedFailure(operation, failure.status, failure.reason, failure.message),
        );
    }
    send(res, found.route.handle(state, parsed, found.params));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, errorReply(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost =
    host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  base = `http://${urlHost}:${port}`;

  return {
    ...controls,
    url: base,
    close() {
      dropHeld();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
