import { expect, type Page } from "@playwright/test";

export const DEMO_HOST_EMAIL = "demo@timetap.local";

/** Signs in as the demo host through the Google emulator's consent page. */
export async function signInAsDemoHost(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(DEMO_HOST_EMAIL);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Dana Demo" })).toBeVisible();
}
