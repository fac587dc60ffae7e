import { initTRPC, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { authenticateHost } from "./hosts/host-auth.service.ts";
import {
  BookingCancelledError,
  BookingStartedError,
  DateOverrideConflictError,
  NotFoundError,
  PastDateError,
  SlotNotOfferedError,
  SlotTakenError,
  SlugTakenError,
} from "./lib/service-errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zodError =
      error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // A readable sentence for people, the issues for programs.
      message: zodError ? describeZodError(zodError) : shape.message,
      data: { ...shape.data, zodIssues: zodError?.issues ?? null },
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
  [BookingStartedError, "PRECONDITION_FAILED"],
  [BookingCancelledError, "PRECONDITION_FAILED"],
  [PastDateError, "BAD_REQUEST"],
  [DateOverrideConflictError, "CONFLICT"],
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

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapServiceErrors);

export const hostProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = await authenticateHost(ctx.db, ctx.auth, ctx.clock.now());
  if (!caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in as a host first." });
  return next({ ctx: { ...ctx, host: caller.host, via: caller.via } });
});

/**
 * Host procedures only a signed-in host may call, not an API key: managing the keys themselves,
 * so a leaked key cannot mint others that outlive its revocation.
 */
export const signedInHostProcedure = hostProcedure.use(({ ctx, next }) => {
  if (ctx.via !== "session")
    throw new TRPCError({ code: "FORBIDDEN", message: "Manage API keys from the dashboard." });
  return next();
});
