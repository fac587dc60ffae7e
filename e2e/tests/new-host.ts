import { expect, type Page } from "@playwright/test";

/** A new host, through the login page and Google's consent page, up to onboarding's form. */
export async function signUp(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
}

/**
 * A new host, signed in through the emulator's consent page and onboarded with the weekday hours
 * and intro call every new host starts with; returns their slug. The prefix keeps hosts of
 * different specs apart in the logs.
 */
export async function signInNewHost(
  page: Page,
  { prefix, name, timeZone }: { prefix: string; name: string; timeZone: string },
) {
  await signUp(page, `${prefix}-${Date.now()}@example.com`);
  const slug = `${prefix}-${Date.now()}`;
  await page.getByLabel("Page address").fill(slug);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Time zone").selectOption(timeZone);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return slug;
}
