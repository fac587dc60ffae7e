import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Context } from "./context.ts";
import { authenticateHost } from "./hosts/host-auth.service.ts";

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

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const hostProcedure = t.procedure.use(async ({ ctx, next }) => {
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
