import { expect } from "@playwright/test";
import { test } from "./page-errors";

test("a visitor opens /demo and sees the host and its packages", async ({ page }) => {
  await page.goto("/demo");
  await expect(page.getByRole("heading", { level: 1, name: "Dana Demo" })).toBeVisible();
  const sessions = page.getByRole("list", { name: "Sessions" });
  await expect(sessions.getByRole("heading", { name: "Free intro call" })).toBeVisible();
  await expect(sessions.getByText("30 minutes · Free")).toBeVisible();
  await expect(sessions.getByRole("heading", { name: "Coaching session" })).toBeVisible();
  await expect(sessions.getByText("60 minutes · €90.00")).toBeVisible();
});

test("an unknown host address shows the not-found page with a 404 status", async ({ page }) => {
  const response = await page.goto("/no-such-host");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
