import type { IncomingMessage, ServerResponse } from "node:http";
import type { TRPCError } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "./context.ts";
import { appRouter } from "./root.ts";

/** What both ways of answering share: who calls, what is logged, what headers an error adds. */
export interface CallHandling {
  createContext(req: IncomingMessage): Promise<Context>;
  onError(failure: { error: TRPCError; path: string | undefined }): void;
  errorHeaders(errors: TRPCError[]): Record<string, string>;
}

const config = appRouter._def._config;

/**
 * Answers one plain call of a procedure (no batch) exactly as tRPC's HTTP adapter would, from
 * tRPC's own pieces (the procedure, its error shape and status, the transformer's envelope), but
 * without the adapter's fetch objects. Why not the adapter itself: tRPC 11's Node adapter turns
 * every request into a fetch `Request` (its headers copied, an AbortController, a body stream)
 * and reads its answer back out of a fetch `Response` through web streams; that was 40 % of the
 * web server's CPU per booking (`pnpm bench`, same run: 3.0 against 1.8 ms per booking.create).
 *
 * Only the plain shapes are taken: a query by GET with at most `?input=`, a mutation by POST with
 * a JSON body (as `req.body`, read by the handler) and no query string. Anything else (a batch, a
 * form, a method that does not fit, an unknown path, input that is not JSON) answers false and
 * is left to tRPC's adapter, which answers it as always. Nothing here reads the call's abort
 * signal: no procedure stops early when its client goes away (a booking must not half-happen).
 * tRPC names these pieces unstable (`unstable-core-do-not-import`): single-call-http.test.ts
 * compares both ways' answers byte for byte, so an upgrade that changes them fails there.
 */
export function singleCallHandler(handling: CallHandling) {
  return async (
    req: IncomingMessage & { body?: string },
    res: ServerResponse,
    path: string,
    url: URL,
  ): Promise<boolean> => {
    const procedure = await getProcedureAtPath(appRouter, path);
    const text =
      req.method === "GET" &&
      procedure?._def.type === "query" &&
      onlyInputIn(url) &&
      (isJson(req) || req.headers["content-type"] === undefined)
        ? url.searchParams.get("input")
        : req.method === "POST" && procedure?._def.type === "mutation" && !url.search && isJson(req)
          ? req.body
          : undefined;
    if (!procedure || text === undefined) return false;
    const { type } = procedure._def;
    let input: unknown;
    try {
      input = text ? config.transformer.input.deserialize(JSON.parse(text)) : undefined;
    } catch {
      return false;
    }

    let ctx: Context | undefined;
    let answer;
    try {
      ctx = await handling.createContext(req);
      const data: unknown = await procedure({
        path,
        type,
        ctx,
        getRawInput: async () => input,
        signal: undefined,
        batchIndex: 0,
      });
      answer = { json: { result: { data } }, error: undefined };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      handling.onError({ error, path });
      answer = { json: { error: getErrorShape({ config, ctx, error, input, path, type }) }, error };
    }
    const errors = answer.error ? [answer.error] : [];
    res.statusCode = getHTTPStatusCode(answer.json, errors);
    res.setHeader("vary", "trpc-accept, accept");
    res.setHeader("content-type", "application/json");
    for (const [name, value] of Object.entries(handling.errorHeaders(errors)))
      res.setHeader(name, value);
    res.end(JSON.stringify(transformTRPCResponse(config, answer.json)));
    return true;
  };
}

function onlyInputIn(url: URL): boolean {
  for (const name of url.searchParams.keys()) if (name !== "input") return false;
  return true;
}

/** tRPC's own test: the media type, without parameters or case, is application/json. */
function isJson(req: IncomingMessage): boolean {
  const type = req.headers["content-type"]?.toLowerCase().split(";", 1)[0]?.trim();
  return type === "application/json";
}
