import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { wireTransformer } from "./lib/wire-format.ts";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import type { RateLimitKind } from "./lib/rate-limits.ts";
import type { ApiKeyScope } from "@timetap/db";
import { requireScope } from "./hosts/api-key-scopes.ts";
import { authenticateHost } from "./hosts/host-auth.service.ts";
import {
  ApiKeyExpiredError,
  ApiKeyScopeError,
  BeyondHorizonError,
  BookingCancelledError,
  BookingStartedError,
  CalendarListUnavailableError,
  DateOverrideConflictError,
  DayFullError,
  EmailOfAnotherAccountError,
  GoogleTimeRefusedError,
  NotFoundError,
  PastDateError,
  RateLimitedError,
  PackageOrderError,
  RetryRefusedError,
  SlotNotOfferedError,
  SlotTakenError,
  SlugTakenError,
  TooManyUpcomingError,
  UnusableCalendarError,
  UnverifiedEmailError,
} from "./lib/service-errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: wireTransformer,
  errorFormatter({ shape, error }) {
    const zodError =
      error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause : null;
    // tRPC adds the stack outside production; it would show our internals to any client.
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // A readable sentence for people, the issues for programs. What went wrong inside is for
      // the log line (http-handler.ts), never for the client.
      message: zodError
        ? describeZodError(zodError)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? "Something went wrong on our side. Please try again."
          : shape.message,
      data: { ...data, zodIssues: zodError?.issues ?? null },
    };
  },
});

function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/** The one place a service's typed error becomes the tRPC code clients see. */
const serviceErrorCodes: Array<[new (...args: never[]) => Error, TRPC_ERROR_CODE_KEY]> = [
  [NotFoundError, "NOT_FOUND"],
  [SlugTakenError, "CONFLICT"],
  [SlotTakenError, "CONFLICT"],
  [SlotNotOfferedError, "BAD_REQUEST"],
  [BeyondHorizonError, "BAD_REQUEST"],
  [DayFullError, "CONFLICT"],
  [BookingStartedError, "PRECONDITION_FAILED"],
  [BookingCancelledError, "PRECONDITION_FAILED"],
  [GoogleTimeRefusedError, "CONFLICT"],
  [PastDateError, "BAD_REQUEST"],
  [DateOverrideConflictError, "CONFLICT"],
  [RateLimitedError, "TOO_MANY_REQUESTS"],
  [PackageOrderError, "BAD_REQUEST"],
  [RetryRefusedError, "PRECONDITION_FAILED"],
  [UnverifiedEmailError, "FORBIDDEN"],
  [EmailOfAnotherAccountError, "CONFLICT"],
  [TooManyUpcomingError, "CONFLICT"],
  [CalendarListUnavailableError, "PRECONDITION_FAILED"],
  [UnusableCalendarError, "BAD_REQUEST"],
  [ApiKeyExpiredError, "UNAUTHORIZED"],
  [ApiKeyScopeError, "FORBIDDEN"],
];

/**
 * Every procedure goes through this: tRPC hands the middleware a thrown error wrapped as an
 * INTERNAL_SERVER_ERROR whose `cause` is the original; a typed service error is re-thrown with its
 * code and sentence, anything else stays a 500.
 */
const mapServiceErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  const code = serviceErrorCodes.find(([type]) => cause instanceof type)?.[1];
  if (code && cause) throw new TRPCError({ code, message: cause.message, cause });
  return result;
});

/** Counts what operators watch: bookings made, times lost to a race, requests held by a limit. */
const countOutcomes = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) {
    if (path === "booking.create") ctx.metrics.bookingCreated();
    return result;
  }
  const { cause, code } = result.error;
  if (cause instanceof RateLimitedError) ctx.metrics.rateLimited(cause.limit);
  else if (code === "CONFLICT" && (path === "booking.create" || path === "booking.reschedule"))
    ctx.metrics.bookingConflict(path);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(countOutcomes).use(mapServiceErrors);

/**
 * Counts each call against the client address's limit of `kind`. In-process callers without an
 * address (scripts, the bench) are not limited.
 */
export const limitedPerClient = (kind: RateLimitKind) =>
  t.middleware(async ({ ctx, next }) => {
    if (ctx.auth.clientIp) await ctx.limits.consume(kind, ctx.auth.clientIp);
    return next();
  });

export const hostProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = await authenticateHost(ctx);
  if (!caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in as a host first." });
  return next({ ctx: { ...ctx, host: caller.host, via: caller.via, caller } });
});

/** Host procedures an API key may call only when its host ticked `scope` for it. */
export const scopedHostProcedure = (scope: ApiKeyScope) =>
  hostProcedure.use(({ ctx, next }) => {
    requireScope(ctx.caller, scope);
    return next();
  });

/**
 * Host procedures only a signed-in host may call, not an API key: managing the keys themselves,
 * so a leaked key cannot mint others that outlive its revocation.
 */
export const signedInHostProcedure = hostProcedure.use(({ ctx, next }) => {
  if (ctx.via !== "session")
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only a host signed in on the dashboard can do this, not an API key.",
    });
  return next();
});
