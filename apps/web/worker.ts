import { startSyncWorker } from "@timetap/api";
import { DatabaseUnavailableError } from "@timetap/db";
import { ConfigError } from "./server/config.ts";
import { createRuntime } from "./server/runtime.ts";

/** `pnpm worker`: a calendar-sync worker on its own, for when the web servers are scaled out. */
async function main() {
  const runtime = await createRuntime("worker");
  const worker = startSyncWorker(runtime.api);
  runtime.api.logger.info("worker_started", runtime.describe);
  const shutdown = () =>
    void worker
      .stop()
      .then(runtime.close)
      .then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
