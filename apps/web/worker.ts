import { startChannelKeeper, startEmailWorker, startSyncWorker } from "@timetap/api";
import { readConfig } from "./server/config.ts";
import { createRuntime } from "./server/runtime.ts";
import { runMain } from "./server/run-main.ts";

/**
 * `pnpm worker`: the outbox workers (calendar sync and email) and the push-channel keeper on
 * their own, for when the web servers are scaled out.
 */
async function main() {
  const runtime = await createRuntime("worker", readConfig());
  const workers = [
    startSyncWorker(runtime.api),
    startEmailWorker(runtime.api),
    startChannelKeeper(runtime.api),
  ];
  runtime.api.logger.info("worker_started", runtime.describe);
  const shutdown = () =>
    void Promise.all(workers.map((worker) => worker.stop()))
      .then(runtime.close)
      .then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

runMain(main);
