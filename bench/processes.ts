// Child processes of the bench: the production web server, `pnpm worker` processes and the
// yardstick servers, started with `node --import tsx` so the pid is the server's own (its memory
// is read from /proc).
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, "../apps/web");

export interface Child {
  url: string;
  process: ChildProcess;
  /** Resident memory now and its peak so far, in MB (Linux /proc). */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

function child(
  script: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; port: number; execArgv?: string[] },
): Child {
  const proc = fork(script, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    execArgv: ["--import", "tsx", ...(options.execArgv ?? [])],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    process: proc,
    memory: () => memoryOf(proc.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

async function until(ready: () => Promise<boolean>, what: string, proc: ChildProcess) {
  for (let tries = 0; tries < 600; tries++) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start`);
}

/** A yardstick server (baseline-server.ts), once it listens. */
export async function startBaseline(
  mode: "insert" | "insert-raw" | "bytes",
  port: number,
  extra: { file?: string; env?: Record<string, string> } = {},
): Promise<Child> {
  const server = child(
    path.join(here, "baseline-server.ts"),
    [mode, String(port), ...(extra.file ? [extra.file] : [])],
    { cwd: here, env: extra.env ?? {}, port },
  );
  await new Promise<void>((resolve, reject) => {
    server.process.once("message", () => resolve());
    server.process.once("exit", (code) => reject(new Error(`baseline ${mode} exited ${code}`)));
  });
  return server;
}

/** BENCH_CPU_PROF=dir: the process writes a V8 CPU profile there on exit. */
function profileArgs() {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/**
 * The production web server (`NODE_ENV=production`, the built app), its outbox workers off as
 * when `pnpm worker` processes run them.
 */
export async function startWebServer(port: number, env: Record<string, string>): Promise<Child> {
  const server = child(path.join(webDir, "server.ts"), [], {
    cwd: webDir,
    port,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      TIMETAP_INPROCESS_WORKER: "false",
      ...env,
    },
    execArgv: profileArgs(),
  });
  await until(
    async () => (await fetch(`${server.url}/api/trpc/health.check`)).ok,
    "the web server",
    server.process,
  );
  return server;
}

/**
 * A production `pnpm worker` process (apps/web/worker.ts: the outbox workers and the channel
 * keeper). It serves no HTTP; the caller watches the database for its work.
 */
export function startWorker(env: Record<string, string>): Child {
  return child(path.join(webDir, "worker.ts"), [], {
    cwd: webDir,
    port: 0,
    execArgv: profileArgs(),
    // Its links in emails would point at the web server; loopback passes production's https rule.
    env: { NODE_ENV: "production", APP_URL: "http://127.0.0.1", ...env },
  });
}
