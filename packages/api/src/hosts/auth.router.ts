import { z } from "zod";
import { signInWithGoogle } from "./host-account.service.ts";
import { limitedPerClient, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /** Where to send a host who clicked "Sign in with Google"; `state` is checked on return. */
  googleAuthorizationUrl: publicProcedure
    .input(z.object({ state: z.string().min(16).max(256) }))
    .query(({ ctx, input }) => ({ url: ctx.google.authorizationUrl(input.state) })),
  /** The OAuth callback's code, after the caller has checked `state`. */
  signInWithGoogle: publicProcedure
    .use(limitedPerClient("signInPerIp"))
    .input(z.object({ code: z.string().min(1).max(2048) }))
    .mutation(({ ctx, input }) => signInWithGoogle(ctx, input.code)),
});
