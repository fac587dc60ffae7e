import type { ApiDeps } from "../deps.ts";

/** Answers only once the database has answered, so a load balancer never routes to a dead one. */
export async function checkHealth({ db, clock }: Pick<ApiDeps, "db" | "clock">) {
  const started = clock.now().getTime();
  await db.$queryRaw`SELECT 1`;
  return { ok: true as const, database: "up" as const, latencyMs: clock.now().getTime() - started };
}
