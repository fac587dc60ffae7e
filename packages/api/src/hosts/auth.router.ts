import { googleAuthorizationUrlInput, signInWithGoogleInput } from "./auth.inputs.ts";
import { signInWithGoogle } from "./host-account.service.ts";
import { limitedPerClient, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /**
   * Where to send a host who clicked "Sign in with Google"; `state` is checked on return, and a
   * `codeChallenge` (S256) binds the code to the verifier the caller keeps.
   */
  googleAuthorizationUrl: publicProcedure
    .input(googleAuthorizationUrlInput)
    .query(({ ctx, input }) => ({
      url: ctx.google.authorizationUrl(input.state, input.codeChallenge),
    })),
  /** The OAuth callback's code (and the PKCE verifier), after the caller has checked `state`. */
  signInWithGoogle: publicProcedure
    .use(limitedPerClient("signInPerIp"))
    .input(signInWithGoogleInput)
    .mutation(({ ctx, input }) => signInWithGoogle(ctx, input.code, input.codeVerifier)),
});
