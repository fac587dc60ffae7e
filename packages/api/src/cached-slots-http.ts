import type { IncomingMessage, ServerResponse } from "node:http";
import superjson from "superjson";
import { slotsInput } from "./availability/availability.inputs.ts";
import { slotsAnswerKey, type SlotQuestion } from "./availability/slots-answers.ts";
import type { ApiDeps } from "./deps.ts";

/**
 * Answers `GET /availability.slots?input=…` from the answers kept (slots-answers.ts), ahead of
 * tRPC: the same status, headers and bytes tRPC would send, without a query, slot generation or
 * JSON. The view still counts against the client's slots limit. False when it is not for here (a
 * batch, a stream, a booking being moved, nothing kept, the limit reached): tRPC then answers,
 * as for any other call.
 */
export async function serveRememberedSlots(
  deps: Pick<ApiDeps, "slotsAnswers" | "limits">,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  clientIpOf: (request: IncomingMessage) => Promise<string | null>,
): Promise<boolean> {
  if (request.method !== "GET" || url.searchParams.has("batch") || request.headers["trpc-accept"])
    return false;
  const question = slotQuestionOf(url.searchParams.get("input"));
  const body = question && deps.slotsAnswers.get(slotsAnswerKey(question));
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
  response.setHeader("vary", "trpc-accept, accept");
  response.setHeader("content-type", "application/json");
  response.end(body);
  return true;
}

/** The question `input` asks, read as tRPC reads it; null for anything else. */
function slotQuestionOf(input: string | null): SlotQuestion | null {
  if (!input) return null;
  let parsed;
  try {
    parsed = slotsInput.safeParse(superjson.deserialize(JSON.parse(input)));
  } catch {
    return null;
  }
  return parsed.success && !parsed.data.reschedule ? parsed.data : null;
}
