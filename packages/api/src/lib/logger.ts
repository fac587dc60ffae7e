/** One JSON object per line on stdout: what log collectors parse without configuration. */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createJsonLogger(
  // Straight to stdout, as console.log would, without its formatting of arguments: a booking
  // logs a line, and console.log's share of its CPU was a few per cent (`pnpm bench` profile).
  write: (line: string) => void = (line) => void process.stdout.write(`${line}\n`),
): Logger {
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) =>
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  return { info: log("info"), warn: log("warn"), error: log("error") };
}

/** Keeps every line in memory so tests can assert what was logged. */
export function createMemoryLogger(): Logger & {
  lines: Array<LogFields & { level: string; event: string }>;
} {
  const lines: Array<LogFields & { level: string; event: string }> = [];
  const log =
    (level: string) =>
    (event: string, fields: LogFields = {}) => {
      lines.push({ level, event, ...fields });
    };
  return { lines, info: log("info"), warn: log("warn"), error: log("error") };
}
