import type { PrismaClient } from "@timetap/db";
import type { GoogleClient } from "@timetap/google";
import type { Clock } from "./clock.ts";
import type { Logger } from "./logger.ts";
import type { TokenCipher } from "./services/token-crypto.ts";

/** What every procedure may use; built once per process and shared by all requests. */
export interface ApiDeps {
  db: PrismaClient;
  google: GoogleClient;
  tokens: TokenCipher;
  clock: Clock;
  logger: Logger;
}

/** Who is calling: a signed-in host's id from the session cookie, or an `Authorization` header. */
export interface RequestAuth {
  sessionHostId?: string | null;
  authorization?: string | null;
}

export type Context = ApiDeps & { auth: RequestAuth };

export function createContext(deps: ApiDeps, auth: RequestAuth = {}): Context {
  return { ...deps, auth };
}
