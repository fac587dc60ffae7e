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

/**
 * Books the demo's first free intro call as `email`, on the booking page (the pinned clock's
 * week has free times).
 */
export async function bookDemoIntroCall(page: Page, email: string) {
  await page.goto("/demo");
  await page.getByRole("link", { name: "Book Free intro call" }).click();
  await page.getByRole("radio").first().check();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
}
