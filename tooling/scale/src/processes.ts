import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const webDir = fileURLToPath(new URL("../../../apps/web/", import.meta.url));

export type Role = "web" | "worker";

/**
 * One TimeTap process of the proof: a web server or a `pnpm worker`, started as a single node
 * process (tsx as a loader, not tsx's CLI, which forks a child a SIGKILL would orphan), so that
 * killing it kills what holds the port, the database connections and the leases.
 */
export class TimeTapProcess {
  private child: ChildProcess | undefined;
  kills = 0;
  /** Started and (a web server) answering; false from the moment it is killed or stopped. */
  ready = false;

  constructor(
    readonly name: string,
    readonly role: Role,
    private readonly env: Record<string, string>,
    readonly url?: string,
  ) {}

  async start() {
    const entry = this.role === "web" ? "server.ts" : "worker.ts";
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: webDir,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2_000);
    });
    child.once("exit", (code, signal) => {
      if (this.child === child && this.ready && signal !== "SIGKILL")
        console.error(`${this.name} exited (${code ?? signal}): ${stderr}`);
    });
    this.child = child;
    if (this.url) await this.untilAnswering();
    this.ready = true;
  }

  /** The chaos: no shutdown hook runs, leases and connections are simply gone. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.ready = false;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    this.kills += 1;
  }

  async stop() {
    const child = this.child;
    this.ready = false;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }

  get alive() {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  private async untilAnswering() {
    for (let tries = 0; tries < 600; tries += 1) {
      const up = await fetch(`${this.url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) return;
      if (!this.alive) throw new Error(`${this.name} stopped while starting`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer within a minute`);
  }
}
