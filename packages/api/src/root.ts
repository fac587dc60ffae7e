import { authRouter } from "./routers/auth.router.ts";
import { availabilityRouter } from "./routers/availability.router.ts";
import { bookingRouter } from "./routers/booking.router.ts";
import { catalogRouter } from "./routers/catalog.router.ts";
import { healthRouter } from "./routers/health.router.ts";
import { hostRouter } from "./routers/host.router.ts";
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
