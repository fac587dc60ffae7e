import { defineConfig } from "vitest/config";
import { databaseSuites } from "../../vitest.database-suites.ts";

export default defineConfig({ test: databaseSuites });
