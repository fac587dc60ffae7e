import { defineConfig } from "vitest/config";

export default defineConfig({
  // fixtures/ mirrors the repo, *.test.ts files included; they are lint input, not tests to run.
  test: { include: ["src/**/*.test.ts"] },
});
