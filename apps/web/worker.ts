import { startChannelKeeper, startEmailWorker, startSyncWorker } from "@timetap/api";
import { readConfig } from "./server/config.ts";
import { createRuntime } from "./server/runtime.ts";
import { runMain } from "./server/run-main.ts";
import { serveWorkerOperations } from "./server/worker-operations.ts";

/**
 * `pnpm worker`: the outbox workers (calendar sync and email) and the push-channel keeper on
 * their own, for when the web servers are scaled out.
 */
async function main() {
  const config = readConfig();
  const runtime = await createRuntime("worker", config);
  const { workerMetricsPort: port, metricsToken, isProduction } = config;
  const operations =
    port === undefined
      ? undefined
      : await serveWorkerOperations(runtime.api, { port, metricsToken, isProduction });
  const workers = [
    startSyncWorker(runtime.api),
    startEmailWorker(runtime.api),
    startChannelKeeper(runtime.api),
  ];
  runtime.api.logger.info("worker_started", {
    ...runtime.describe,
    ...(port === undefined ? {} : { operationsPort: port }),
  });
  const shutdown = () => {
    operations?.close();
    void Promise.all(workers.map((worker) => worker.stop()))
      .then(runtime.close)
      .then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

runMain(main);
