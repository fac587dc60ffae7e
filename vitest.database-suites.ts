import { availableParallelism } from "node:os";

/**
 * Test options of the suites that open databases (packages/db, packages/api), on PGlite or a
 * PostgreSQL server. Typed where each package's config hands them to defineConfig: vitest is a
 * dependency of those packages, not of the repository's root.
 */
export const databaseSuites = {
  // In CI these suites share 2 cores with every other package's: a test that opens PGlite on disk
  // three times took 15–30 s there (5 s alone), so 60 s, to catch a hang, not a busy machine.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // The files of a worker run one after another in one process. Each file still opens a database
  // of its own and closes what it starts, but the modules it imports and PGlite's compiled
  // WebAssembly are loaded once per worker instead of once per file: the API suite took 123 s
  // instead of 315 s on PGlite, 84 s instead of 234 s on PostgreSQL (2 cores). Nothing in these
  // packages keeps state in a module that a test changes; the web app's DOM tests do, and keep
  // their isolation.
  isolate: false,
  // These suites spend much of their time waiting (Google's deadlines, the emulator's answers,
  // other processes): a worker per core, not one fewer as vitest's default, keeps the cores busy.
  maxWorkers: Math.max(2, availableParallelism()),
};
