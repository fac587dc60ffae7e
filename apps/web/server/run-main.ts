import { DatabaseUnavailableError } from "@timetap/db";
import { ConfigError } from "./config.ts";

/**
 * Runs a process's start-up. A bad configuration or an unreachable database ends it with the one
 * line that says why (never a stack trace, never a password); anything else is a real crash.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  });
}
