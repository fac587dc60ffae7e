import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The package layout, checked on import specifiers as written rather than on resolved files:
// a forbidden package is usually not even installed where it is imported, and a resolver-based
// rule silently passes imports it cannot resolve.
const banned = {
  db: {
    regex: /^@timetap\/db(\/|$)/,
    message: "Only @timetap/api and the web app's composition root use @timetap/db.",
  },
  google: {
    regex: /^@timetap\/google(\/|$)/,
    message: "Only @timetap/api and the web app's composition root use @timetap/google.",
  },
  email: {
    regex: /^@timetap\/email(\/|$)/,
    message: "Only @timetap/api and the web app's composition root use @timetap/email.",
  },
  api: {
    regex: /^@timetap\/api(\/|$)/,
    message: "@timetap/api sits above this package; importing it would make a cycle.",
  },
  otherThanApi: {
    regex: /^@timetap\/(?!api(\/|$))/,
    message: "Pages and components use only @timetap/api; the composition root wires the rest.",
  },
  emulator: {
    regex: /^@timetap\/google-emulator(\/|$)/,
    message:
      "Production code never imports the Google emulator; only tests, src/testing/ and the web app's composition root (which starts it in development) do.",
  },
  catcher: {
    regex: /^@timetap\/email\/catcher(\/|$)/,
    message:
      "Production code never imports the mail catcher; only tests, src/testing/ and the web app's composition root (which starts it in development) do.",
  },
  testingEntry: {
    regex: /^(@[^/]+\/[^/]+|[^@.~/][^/]*)\/(.*\/)?testing(\/|$)/,
    message: "A package's /testing entry is for tests and test helpers, not production code.",
  },
  testingFolder: {
    regex: /^(\.{1,2}|~)\/(.*\/)?testing(\/|$)/,
    message: "testing/ folders hold test helpers, which production code does not import.",
  },
};

// Code exempt from the production rules: tests and everything that only tests use.
const testCode = [
  "**/*.test.{ts,tsx}",
  "**/src/testing/**",
  "apps/web/app/testing/**",
  "e2e/**",
  "bench/**",
  "tooling/scale/**",
  "**/vitest.config.ts",
  "**/playwright.config.ts",
];

const compositionRoot = [
  "apps/web/server/**",
  "apps/web/server.ts",
  "apps/web/worker.ts",
  "apps/web/scripts/**",
];

/**
 * Forbids static imports, re-exports and dynamic import()s matching any of `rules` in `files`.
 * A later config object replaces an earlier one's options for the same rule, so each call lists
 * everything forbidden for its files, and the calls go from general to specific.
 */
function restrictImports(files, ignores, rules) {
  return {
    files,
    ignores,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: rules.map(({ regex, message }) => ({
            regex: regex.source,
            caseSensitive: true,
            message,
          })),
        },
      ],
      "no-restricted-syntax": [
        "error",
        ...rules.map(({ regex, message }) => ({
          selector: `ImportExpression[source.value=${regex}]`,
          message,
        })),
      ],
    },
  };
}

const productionOnly = [banned.emulator, banned.catcher, banned.testingEntry, banned.testingFolder];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/build/**",
      "**/dist/**",
      "**/.data/**",
      "**/.cache/**",
      "packages/db/src/generated/**",
      "e2e/test-results/**",
      "e2e/playwright-report/**",
      // Each fixture breaks a layout rule on purpose; tooling/lint's test lints them.
      "tooling/lint/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  restrictImports(["**/*"], testCode, productionOnly),
  restrictImports(["apps/web/**"], testCode, [
    banned.db,
    banned.google,
    banned.email,
    ...productionOnly,
  ]),
  restrictImports(["apps/web/app/**"], testCode, [banned.otherThanApi, ...productionOnly]),
  restrictImports(compositionRoot, testCode, [banned.testingEntry, banned.testingFolder]),
  // Dependency direction holds for a package's tests too: google, email and db sit below api.
  restrictImports(["packages/google/**"], [], [banned.db, banned.api]),
  restrictImports(["packages/google/**"], testCode, [banned.db, banned.api, ...productionOnly]),
  restrictImports(["packages/email/**"], [], [banned.db, banned.api, banned.google]),
  restrictImports(["packages/email/**"], testCode, [
    banned.db,
    banned.api,
    banned.google,
    ...productionOnly,
  ]),
  // Every e2e test fails on an error thrown in the browser (a page that does not hydrate).
  {
    files: ["e2e/tests/**"],
    ignores: ["e2e/tests/page-errors.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test"],
              message: "Take `test` from ./page-errors, which fails a test on a browser error.",
            },
          ],
        },
      ],
    },
  },
  restrictImports(["packages/db/**"], [], [banned.api, banned.google, banned.email]),
  restrictImports(["packages/db/**"], testCode, [
    banned.api,
    banned.google,
    banned.email,
    ...productionOnly,
  ]),
);
