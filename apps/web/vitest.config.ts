import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests of the web app run without the Remix plugin: components and helpers only.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: { include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts", "scripts/**/*.test.ts"] },
});
