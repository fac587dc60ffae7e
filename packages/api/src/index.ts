export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createApiHttpHandler } from "./http-handler.ts";
export { createContext, type Context, type RequestAuth } from "./context.ts";
export { createApiDeps, defaultApiSettings, type ApiDeps, type ApiSettings } from "./deps.ts";
export { createJsonLogger, createMemoryLogger, type Logger } from "./lib/logger.ts";
export { clockStartingAt, systemClock, type Clock } from "./lib/clock.ts";
export { createTokenCipher, type TokenCipher } from "./lib/token-crypto.ts";
export { startSyncWorker } from "./calendar-sync/sync-worker.ts";
export { startEmailWorker } from "./notifications/email-worker.ts";
export { startChannelKeeper } from "./calendar-push/channel-keeper.ts";
export {
  receiveCalendarNotification,
  type CalendarNotification,
} from "./calendar-push/calendar-notification.ts";
export { sameSecret } from "./lib/same-secret.ts";
export { randomToken } from "./lib/random-token.ts";
export { createMetrics, type Metrics } from "./lib/metrics.ts";
export { checkReadiness } from "./health/readiness.service.ts";
export type { BookingConfirmation } from "./booking/booking-confirmation.ts";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
export { connectCalendar } from "./hosts/host-calendar.ts";
export { apiKeyScopeLabels } from "./hosts/api-key-scopes.ts";
export { rotateRefreshTokens } from "./hosts/refresh-token-rotation.service.ts";
export {
  createRateLimits,
  defaultRateLimits,
  rateLimitKinds,
  type RateLimitSettings,
  type RateLimitStore,
} from "./lib/rate-limits.ts";
export { endSession, resumeSession, startSession } from "./hosts/host-sessions.service.ts";
