import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, expect, it } from "vitest";

// Each file under fixtures/ is linted as if it were at the same path in the repo, with the real
// config. A line ending in `// forbidden` must be reported by a layout rule, every other line not.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
const layoutRules = new Set(["no-restricted-imports", "no-restricted-syntax"]);

const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: path.join(repoRoot, "eslint.config.js"),
  ignore: false,
});

const fixtures = readdirSync(fixturesDir, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => file.split(path.sep).join("/"))
  .sort();

// Loading the config and the TypeScript parser takes seconds on a busy machine; do it once, with
// room, so that no single fixture's test pays for it.
beforeAll(async () => {
  await eslint.calculateConfigForFile(path.join(repoRoot, "apps/web/app/root.tsx"));
  await eslint.lintText("export {};\n", { filePath: path.join(repoRoot, "apps/web/app/x.ts") });
}, 60_000);

it("has fixtures to lint", () => {
  expect(fixtures.length).toBeGreaterThan(10);
});

it.each(fixtures)("%s", async (fixture) => {
  const text = readFileSync(path.join(fixturesDir, fixture), "utf8");
  const [result] = await eslint.lintText(text, { filePath: path.join(repoRoot, fixture) });

  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  const reported = new Set(
    result?.messages.filter((m) => layoutRules.has(m.ruleId ?? "")).map((m) => m.line),
  );
  const forbidden = text
    .split("\n")
    .flatMap((line, i) => (line.endsWith("// forbidden") ? [i + 1] : []));
  expect([...reported].sort((a, b) => a - b)).toEqual(forbidden);
});
