import { parseArgs } from "node:util";
import { startEmulator } from "./server.ts";

const { values } = parseArgs({
  options: { port: { type: "string" }, host: { type: "string" } },
});
const port = Number(values.port ?? process.env["PORT"] ?? 4010);
if (!Number.isInteger(port) || port < 0)
  throw new Error(`Invalid port: ${values.port ?? process.env["PORT"]}`);

const emulator = await startEmulator({ port, host: values.host ?? "127.0.0.1" });
console.log(`Google emulator listening on ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void emulator.close().then(() => process.exit(0)));
}
