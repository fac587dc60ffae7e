import { startSyncWorker } from "@timetap/api";
import { readConfig } from "./server/config.ts";
import { createRuntime } from "./server/runtime.ts";
import { runMain } from "./server/run-main.ts";

/** `pnpm worker`: a calendar-sync worker on its own, for when the web servers are scaled out. */
async function main() {
  const runtime = await createRuntime("worker", readConfig());
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

runMain(main);
