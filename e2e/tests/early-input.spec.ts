import { expect } from "@playwright/test";
import { test } from "./page-errors";

/**
 * A click at the earliest moment a page can take one: right after the app's script has started
 * listening (React listens on the document) and before React has rendered anything, as a visitor
 * on a slow phone taps while the page is still loading. Dispatched from the page itself, because
 * no click from outside can be timed into that moment reliably.
 */
const clickAsSoonAsListened = () => {
  const listen = document.addEventListener.bind(document);
  let clicked = false;
  document.addEventListener = (...args: Parameters<typeof document.addEventListener>) => {
    listen(...args);
    if (args[0] !== "click" || clicked) return;
    clicked = true;
    queueMicrotask(() => {
      const target = document.querySelector("h1") ?? document.body;
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    });
  };
};

test("a host who clicks while each page is still starting up meets no error, and the pages work", async ({
  page,
}) => {
  await page.addInitScript(clickAsSoonAsListened);
  const stamp = Date.now();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(`early-${stamp}@example.com`);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByLabel("Page address").fill(`early-${stamp}`);
  await page.getByLabel("Your name").fill("Erin Early");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Hello, Erin Early" })).toBeVisible();
});
