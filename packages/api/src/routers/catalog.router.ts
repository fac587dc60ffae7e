import { z } from "zod";
import { getHostCatalog } from "../services/catalog.service.ts";
import { publicProcedure, router } from "../trpc.ts";
import { mapServiceErrors } from "./map-errors.ts";

export const hostSlug = z
  .string()
  .trim()
  .min(1, "Enter a host address.")
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes.");

export const catalogRouter = router({
  host: publicProcedure
    .input(z.object({ slug: hostSlug }))
    .query(({ ctx, input }) => mapServiceErrors(() => getHostCatalog(ctx, input.slug))),
});
