import { z } from "zod";
import { hostSlug } from "../lib/inputs.ts";
import { publicProcedure, router } from "../trpc.ts";
import { getHostCatalog } from "./catalog.service.ts";

export const catalogRouter = router({
  host: publicProcedure
    .input(z.object({ slug: hostSlug }))
    .query(({ ctx, input }) => getHostCatalog(ctx, input.slug)),
});
