import { authRouter } from "./hosts/auth.router.ts";
import { availabilityRouter } from "./availability/availability.router.ts";
import { bookingRouter } from "./booking/booking.router.ts";
import { catalogRouter } from "./hosts/catalog.router.ts";
import { healthRouter } from "./health/health.router.ts";
import { hostRouter } from "./hosts/host.router.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  catalog: catalogRouter,
  availability: availabilityRouter,
  booking: bookingRouter,
  auth: authRouter,
  host: hostRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
