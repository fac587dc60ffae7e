// Runs the Prisma CLI without native engines: the schema engine and query compiler are the
// WebAssembly builds, reached through the driver adapter in prisma.config.ts. Pointing the
// native-engine variables at placeholder files stops the CLI from trying to download binaries,
// which this project's machines cannot do.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const placeholderDir = path.join(packageDir, "node_modules", ".prisma-placeholders");
mkdirSync(placeholderDir, { recursive: true });
const placeholders = {
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(placeholderDir, "schema-engine"),
  PRISMA_QUERY_ENGINE_LIBRARY: path.join(placeholderDir, "libquery_engine.so.node"),
};
for (const file of Object.values(placeholders)) {
  if (!existsSync(file)) writeFileSync(file, "");
}

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, ...process.argv.slice(2)], {
  cwd: packageDir,
  stdio: "inherit",
  env: {
    ...placeholders,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
    ...process.env,
  },
});
process.exit(result.status ?? 1);
