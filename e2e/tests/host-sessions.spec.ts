import { expect, type Browser, type Page } from "@playwright/test";
import { test } from "./page-errors";

/** Signs `email` in through the emulator's consent page, in a browser context of its own. */
async function signedInPage(browser: Browser, email: string, userAgent: string): Promise<Page> {
  const context = await browser.newContext({ userAgent });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard(\/welcome)?$/);
  return page;
}

/** A stranger's browser holding a copy of `page`'s cookies. */
async function copyOfCookies(browser: Browser, page: Page): Promise<Page> {
  const thief = await browser.newContext();
  await thief.addCookies(await page.context().cookies());
  return thief.newPage();
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);
}

test("a copied session cookie stops working once its host signs out", async ({ browser }) => {
  const page = await signedInPage(browser, `copied-${Date.now()}@example.com`, "Laptop browser");
  const copy = await copyOfCookies(browser, page);
  await copy.goto("/dashboard/welcome");
  await expect(copy).toHaveURL(/\/dashboard\/welcome$/);

  await page.goto("/dashboard/welcome");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await expectSignedOut(copy);
});

test("'Sign out everywhere' ends every browser's session, copies included", async ({ browser }) => {
  const email = `everywhere-${Date.now()}@example.com`;
  const laptop = await signedInPage(browser, email, "Laptop browser");
  await laptop.getByLabel("Page address").fill(`everywhere-${Date.now()}`);
  await laptop.getByLabel("Your name").fill("Eve Everywhere");
  await laptop.getByRole("button", { name: "Save and continue" }).click();
  await expect(laptop).toHaveURL(/\/dashboard$/);
  const phone = await signedInPage(browser, email, "Phone browser");
  const copy = await copyOfCookies(browser, phone);

  await laptop.getByRole("link", { name: "Signed-in devices" }).click();
  await expect(laptop.getByRole("heading", { name: "Signed-in devices" })).toBeVisible();
  await expect(laptop.getByText("Laptop browser (this browser)")).toBeVisible();
  await expect(laptop.getByText("Phone browser", { exact: true })).toBeVisible();

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/login$/);
  await expectSignedOut(laptop);
  await expectSignedOut(phone);
  await expectSignedOut(copy);
});
