import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A development secret generated once and kept in `dataDir`, readable by the user alone, so a
 * newcomer needs no setup and sessions survive restarts.
 */
export function localSecret(dataDir: string, name: string, generate: () => string): string {
  const file = path.join(dataDir, name.toLowerCase());
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const generated = generate();
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
