export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { handleApiRequest } from "./http-handler.ts";
export { createContext, type ApiDeps, type Context, type RequestAuth } from "./context.ts";
export { createJsonLogger, createMemoryLogger, type Logger } from "./logger.ts";
export { systemClock, type Clock } from "./clock.ts";
export { createTokenCipher, type TokenCipher } from "./services/token-crypto.ts";
export type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
