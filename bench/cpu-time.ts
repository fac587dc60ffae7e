// CPU time per request of the processes a load step keeps busy, read from Linux's /proc: the
// ratios say how fast, this says where the time went (the web server, or PostgreSQL's own
// processes when the server runs on this machine).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type { LoadResult } from "./load.ts";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** User + system CPU the process has used so far, in ms. */
function cpuMsOf(pid: number | string): number {
  // Fields after "pid (comm) ": state is the 1st, utime the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The same for every PostgreSQL process on this machine (its backends, WAL writer, …). */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres")) total += cpuMsOf(pid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export type CpuPerRequest = { server: number; postgres: number | null };

/**
 * Runs a load step against the server `pid`, and what each request cost it in CPU; PostgreSQL's
 * processes too when `onServer` (with the embedded database, its work is the server's own).
 */
export async function withCpuTime(
  pid: number,
  onServer: boolean,
  step: () => Promise<LoadResult>,
): Promise<LoadResult & { cpu: CpuPerRequest }> {
  const before = { server: cpuMsOf(pid), postgres: onServer ? postgresCpuMs() : 0 };
  const result = await step();
  const requests = Math.max(1, result.total);
  return {
    ...result,
    cpu: {
      server: (cpuMsOf(pid) - before.server) / requests,
      postgres: onServer ? (postgresCpuMs() - before.postgres) / requests : null,
    },
  };
}

/** "CPU per request: server 0.91 ms, PostgreSQL 0.70 ms". */
export function cpuText({ server, postgres }: CpuPerRequest): string {
  const parts = [`server ${server.toFixed(2)} ms`];
  if (postgres !== null) parts.push(`PostgreSQL ${postgres.toFixed(2)} ms`);
  return `CPU per request: ${parts.join(", ")}`;
}
