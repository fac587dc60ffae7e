import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("loads outside a test run, as `pnpm bench` uses it", async () => {
  const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      `const t = await import(${JSON.stringify(entry)}); console.log(typeof t.createApiHarness);`,
    ],
    { cwd: fileURLToPath(new URL("../..", import.meta.url)) },
  );
  expect(stdout.trim()).toBe("function");
});
