import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import superjson from "superjson";
import { slotsInput } from "./availability/availability.inputs.ts";
import { slotsAnswerKey, type SlotQuestion } from "./availability/slots-answers.ts";
import type { ApiDeps } from "./deps.ts";

const gzipBytes = promisify(gzip);

/**
 * Answers `GET /availability.slots?input=…` from the answers kept (slots-answers.ts), ahead of
 * tRPC: the same status, headers and bytes tRPC would send, without a query, slot generation or
 * JSON. The view still counts against the client's slots limit. False when it is not for here (a
 * batch, a stream, a booking being moved, nothing kept, the limit reached): tRPC then answers,
 * as for any other call. The questions of the last `maxInputs` distinct inputs are remembered,
 * so a repeat view does not read its input again. A browser (which asks for gzip) gets the
 * answer gzipped, compressed once per kept answer: compressing a month's 271 KB on every view
 * cost about 9 ms of CPU, twenty times the rest of the view.
 */
export function rememberedSlots(
  deps: Pick<ApiDeps, "slotsAnswers" | "limits">,
  clientIpOf: (request: IncomingMessage) => Promise<string | null>,
  maxInputs = 10_000,
) {
  const keys = new LRUCache<string, { key: string | null }>({ max: maxInputs });
  // Kept while its answer is: dropped with it, when nothing holds the answer's bytes any more.
  const gzipped = new WeakMap<Buffer, Promise<Buffer>>();
  const gzippedOf = (body: Buffer) => {
    let zipped = gzipped.get(body);
    if (!zipped) {
      zipped = gzipBytes(body);
      gzipped.set(body, zipped);
    }
    return zipped;
  };
  const keyOf = (input: string) => {
    let known = keys.get(input);
    if (!known) {
      const question = slotQuestionOf(input);
      known = { key: question && slotsAnswerKey(question) };
      keys.set(input, known);
    }
    return known.key;
  };

  return async function serve(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<boolean> {
    const input = url.searchParams.get("input");
    if (
      request.method !== "GET" ||
      !input ||
      url.searchParams.has("batch") ||
      request.headers["trpc-accept"]
    )
      return false;
    const key = keyOf(input);
    const body = key && deps.slotsAnswers.get(key);
    if (!body) return false;
    const clientIp = await clientIpOf(request);
    if (clientIp) {
      try {
        await deps.limits.consume("slotsPerIp", clientIp);
      } catch {
        // tRPC refuses it, as it refuses every call past the limit.
        return false;
      }
    }
    response.statusCode = 200;
    response.setHeader("vary", "trpc-accept, accept, accept-encoding");
    response.setHeader("content-type", "application/json");
    if (new Negotiator(request).encoding(["gzip", "identity"]) === "gzip") {
      // Already encoded: the HTTP front's compression leaves it as it is.
      response.setHeader("content-encoding", "gzip");
      response.end(await gzippedOf(body));
    } else response.end(body);
    return true;
  };
}

/** The question `input` asks, read as tRPC reads it; null for anything else. */
function slotQuestionOf(input: string): SlotQuestion | null {
  let parsed;
  try {
    parsed = slotsInput.safeParse(superjson.deserialize(JSON.parse(input)));
  } catch {
    return null;
  }
  return parsed.success && !parsed.data.reschedule ? parsed.data : null;
}
