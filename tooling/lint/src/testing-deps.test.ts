import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// A package's exported ./testing entry runs in its consumers (other packages' tests, bench), where
// devDependencies are not installed: whatever the testing code imports must be a dependency.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const emulator = "@timetap/google-emulator";

type PackageJson = {
  name: string;
  exports?: Record<string, string>;
  dependencies?: Record<string, string>;
};

/** Workspace package folders, from the `packages:` list of pnpm-workspace.yaml. */
function workspacePackages(): string[] {
  const yaml = readFileSync(path.join(repoRoot, "pnpm-workspace.yaml"), "utf8");
  const list = /^packages:\n((?:\s+- .+\n)+)/m.exec(yaml)?.[1] ?? "";
  return list
    .split("\n")
    .map((line) => line.replace(/^\s+- /, "").trim())
    .filter(Boolean)
    .flatMap((glob) =>
      glob.endsWith("/*")
        ? readdirSync(path.join(repoRoot, glob.slice(0, -2))).map((d) => `${glob.slice(0, -1)}${d}`)
        : [glob],
    )
    .filter((dir) => existsSync(path.join(repoRoot, dir, "package.json")));
}

it("each package exporting ./testing lists the emulator in dependencies if its testing code imports it", () => {
  const checked: string[] = [];
  const missing: string[] = [];
  for (const dir of workspacePackages()) {
    const pkg = JSON.parse(
      readFileSync(path.join(repoRoot, dir, "package.json"), "utf8"),
    ) as PackageJson;
    const entry = pkg.exports?.["./testing"];
    if (!entry) continue;
    checked.push(pkg.name);
    const testingDir = path.join(repoRoot, dir, path.dirname(entry));
    const importsEmulator = readdirSync(testingDir, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .some((file) =>
        new RegExp(`["']${emulator}(/[^"']*)?["']`).test(
          readFileSync(path.join(testingDir, file), "utf8"),
        ),
      );
    if (importsEmulator && !pkg.dependencies?.[emulator]) missing.push(pkg.name);
  }
  expect(checked).toContain("@timetap/api");
  expect(missing).toEqual([]);
});
