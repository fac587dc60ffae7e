import { parseArgs } from "node:util";
import { startCatcher } from "./catcher.ts";

const { values } = parseArgs({
  options: {
    "smtp-port": { type: "string" },
    "inbox-port": { type: "string" },
    host: { type: "string" },
  },
});
const port = (value: string | undefined, fallback: number) => {
  const parsed = Number(value ?? fallback);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Invalid port: ${value}`);
  return parsed;
};

const catcher = await startCatcher({
  smtpPort: port(values["smtp-port"], 1025),
  inboxPort: port(values["inbox-port"], 1080),
  host: values.host ?? "127.0.0.1",
});
console.log(`Mail catcher: SMTP at ${catcher.smtpUrl}, inbox at ${catcher.inboxUrl}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void catcher.close().then(() => process.exit(0)));
}
