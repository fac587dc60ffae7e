import { expect, test as playwrightTest } from "@playwright/test";

/**
 * Playwright's `test`, failing every test in whose pages the browser threw. A page that does not
 * hydrate logs nothing a user sees, but React then re-renders it whole, and a click in that moment
 * is lost: a test must not pass on such a page just because its next step happened to wait.
 */
export const test = playwrightTest.extend<{ noPageErrors: void }>({
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      await use();
      expect(errors, "errors thrown in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
