import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";

const apiProcess = path.join(path.dirname(fileURLToPath(import.meta.url)), "api-process.ts");

/** Web processes of their own (api-process.ts), for tests of what several of them share. */
export function apiProcesses() {
  const started: ChildProcess[] = [];
  return {
    /**
     * One more process over the PostgreSQL database at `databaseUrl`, with these abuse `limits`,
     * Google at `googleUrl` and refresh tokens encrypted with `tokenKey`; resolves to its API's
     * URL and its Google webhook's.
     */
    async start(options: {
      databaseUrl: string;
      limits?: object;
      googleUrl?: string;
      tokenKey?: string;
    }): Promise<{ api: string; webhook: string }> {
      const child = spawn(process.execPath, ["--import", "tsx", apiProcess], {
        env: {
          ...process.env,
          TIMETAP_TEST_DATABASE_URL: options.databaseUrl,
          TIMETAP_TEST_LIMITS: JSON.stringify(options.limits ?? {}),
          TIMETAP_TEST_GOOGLE_URL: options.googleUrl ?? "http://127.0.0.1:9",
          TIMETAP_TEST_TOKEN_KEY: options.tokenKey ?? "",
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      started.push(child);
      const [line] = (await once(child.stdout!, "data")) as [Buffer];
      return JSON.parse(line.toString()) as { api: string; webhook: string };
    },
    async stopAll() {
      for (const child of started.splice(0)) {
        const exited = child.exitCode === null ? once(child, "exit") : null;
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}
