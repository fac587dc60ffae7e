import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// docs/ARCHITECTURE.md is a newcomer's map: it must name only files and folders that exist, so a
// change that moves code and forgets the map fails here.
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const doc = readFileSync(path.join(repoRoot, "docs/ARCHITECTURE.md"), "utf8");

/** A name, or a `*` pattern, matched against a folder's entries. */
function existsIn(dir: string, name: string): boolean {
  if (!name.includes("*")) return existsSync(path.join(dir, name));
  const parent = path.join(dir, path.dirname(name));
  if (!existsSync(parent)) return false;
  const pattern = new RegExp(
    `^${path.basename(name).replace(/[.$]/g, "\\$&").replace(/\*/g, ".*")}$`,
  );
  return readdirSync(parent).some((entry) => pattern.test(entry));
}

/** Every path the layout tree names: each entry joined to the folders it is indented under. */
function treeEntries(): string[] {
  const tree = /## Layout\s+```\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
  const stack: Array<{ indent: number; dir: string }> = [];
  const entries: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^( *)(\S.*?)(?: {2,}|$)/.exec(line);
    if (!match?.[2] || line.length - line.trimStart().length > 30) continue; // a continuation
    const indent = match[1]!.length;
    while (stack.length && stack.at(-1)!.indent >= indent) stack.pop();
    const base = stack.at(-1)?.dir ?? "";
    const names = match[2].split(/,\s*/);
    for (const name of names) entries.push(path.posix.join(base, name));
    if (names.length === 1 && names[0]!.endsWith("/"))
      stack.push({ indent, dir: path.posix.join(base, names[0]!) });
  }
  return entries;
}

/** Backticked names that look like repo paths (`a/b.ts`, `hosts/host-calendar.ts`). */
function quotedPaths(): string[] {
  return [...doc.matchAll(/`([\w.@$*-]+\/[\w.@$*/-]*)`/g)]
    .map((match) => match[1]!)
    .filter((name) => !name.startsWith("@") && !name.includes("…"));
}

/** Every file name mentioned anywhere, such as booking-access.ts in a tree line's description. */
function mentionedFiles(): string[] {
  return [...new Set(doc.match(/[\w.-]+\.(?:tsx?|sql|sh|md|js|json)\b/g) ?? [])].filter(
    (name) => !name.startsWith("."),
  );
}

/** The names of the repo's files, outside installed and generated folders. */
function repoFileNames(dir = repoRoot, names = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (["node_modules", ".git", "build", ".cache", ".data", ".turbo"].includes(entry.name))
      continue;
    if (entry.isDirectory()) repoFileNames(path.join(dir, entry.name), names);
    else names.add(entry.name);
  }
  return names;
}

// Where a quoted path may be rooted: the repo, or the folder the text is talking about.
const roots = ["", "packages/api/src", "apps/web", "apps/web/app", "packages/db"];

describe("docs/ARCHITECTURE.md", () => {
  it("names in its layout tree only files and folders that exist", () => {
    const entries = treeEntries();
    expect(entries.length).toBeGreaterThan(30);
    expect(entries.filter((entry) => !existsIn(repoRoot, entry))).toEqual([]);
  });

  it("quotes only paths that exist", () => {
    const quoted = quotedPaths();
    expect(quoted.length).toBeGreaterThan(15);
    const missing = quoted.filter(
      (name) => !roots.some((root) => existsIn(path.join(repoRoot, root), name)),
    );
    expect(missing).toEqual([]);
  });

  it("mentions only files that exist somewhere in the repo", () => {
    const files = repoFileNames();
    const mentioned = mentionedFiles();
    expect(mentioned.length).toBeGreaterThan(40);
    expect(mentioned.filter((name) => !files.has(name))).toEqual([]);
  });
});
