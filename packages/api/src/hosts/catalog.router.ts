import { z } from "zod";
import { getHostCatalog } from "./catalog.service.ts";
import { publicProcedure, router } from "../trpc.ts";
import { hostSlug } from "../lib/inputs.ts";
import { mapServiceErrors } from "../routers/map-errors.ts";

export const catalogRouter = router({
  host: publicProcedure
    .input(z.object({ slug: hostSlug }))
    .query(({ ctx, input }) => mapServiceErrors(() => getHostCatalog(ctx, input.slug))),
});
