import { limitedPerClient, publicProcedure, router } from "../trpc.ts";
import { slotsInput } from "./availability.inputs.ts";
import { getAvailableSlots } from "./availability.service.ts";

export const availabilityRouter = router({
  slots: publicProcedure
    .use(limitedPerClient("slotsPerIp"))
    .input(slotsInput)
    .query(({ ctx, input }) => getAvailableSlots(ctx, input)),
});
