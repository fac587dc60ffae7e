import { checkHealth } from "./health.service.ts";
import { publicProcedure, router } from "../trpc.ts";

export const healthRouter = router({
  check: publicProcedure.query(({ ctx }) => checkHealth(ctx)),
});
