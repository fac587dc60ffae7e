import { classifyGoogleError, GoogleApiError, type GoogleOperation } from "./errors.ts";
import type { GoogleLogger, GoogleSettings } from "./settings.ts";

export interface CallContext {
  timeoutMs: number;
  logger: GoogleLogger | undefined;
  onCall?: GoogleSettings["onCall"];
}

/**
 * Runs one Google call under a deadline and turns every failure into a GoogleApiError.
 * The signal aborts the HTTP request; the race also bounds calls that take no signal.
 * Failures the caller handles as a normal outcome (`expected`) are not logged.
 */
export async function googleCall<T>(
  context: CallContext,
  operation: GoogleOperation,
  secrets: readonly string[],
  run: (signal: AbortSignal) => Promise<T>,
  expected: (error: GoogleApiError) => boolean = () => false,
): Promise<T> {
  const controller = new AbortController();
  const started = performance.now();
  const observe = (outcome: "ok" | GoogleApiError["kind"]) =>
    context.onCall?.({ operation, outcome, seconds: (performance.now() - started) / 1000 });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new GoogleApiError({
        kind: "retryable",
        operation,
        reason: "timeout",
        message: `Google ${operation} timed out after ${context.timeoutMs} ms`,
      });
      controller.abort(error);
      reject(error);
    }, context.timeoutMs);
  });
  try {
    const result = await Promise.race([run(controller.signal), deadline]);
    observe("ok");
    return result;
  } catch (error) {
    const classified = classifyGoogleError(
      controller.signal.aborted ? controller.signal.reason : error,
      operation,
      secrets,
    );
    observe(classified.kind);
    if (!expected(classified)) context.logger?.warn("Google call failed", classified.toJSON());
    throw classified;
  } finally {
    clearTimeout(timer);
  }
}
