import { expect } from "@playwright/test";
import { test } from "./page-errors";

test("a new host signs in through Google's consent page, picks an address and reaches the dashboard", async ({
  page,
}) => {
  const email = `coach-${Date.now()}@example.com`;
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();

  // The Google emulator's consent page.
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Allow" }).click();

  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByLabel("Page address").fill("demo");
  await page.getByLabel("Your name").fill("Casey Coach");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("The address /demo is taken. Please pick another.")).toBeVisible();

  const slug = `casey-${Date.now()}`;
  await page.getByLabel("Page address").fill(slug);
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Hello, Casey Coach" })).toBeVisible();
  await expect(page.getByTestId("calendar-status")).toHaveText("Connected");
  await expect(page.getByRole("link", { name: `/${slug}` })).toBeVisible();
  await expect(page.getByText("No bookings yet. Share your page to get your first.")).toBeVisible();

  // The new page is bookable at once: weekday hours and a free intro call.
  await page.getByRole("link", { name: `/${slug}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Casey Coach" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Book Intro call" })).toBeVisible();
  await page.goto("/dashboard");

  // An API key for another app: shown once, works as this host within what it was allowed, and
  // stops working when revoked.
  await page.getByLabel("New key's name").fill("CRM sync");
  const scopes = page.getByRole("group", { name: "What the key may do" });
  await scopes.getByLabel("Manage bookings").uncheck();
  await scopes.getByLabel("Manage settings").uncheck();
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByRole("status").locator("code");
  await expect(shown).toHaveText(/^tt_[\w-]{32}$/);
  const key = (await shown.textContent()) ?? "";
  // From outside the browser: no session cookie, only the key.
  const origin = new URL(page.url()).origin;
  const me = (apiKey: string) =>
    fetch(`${origin}/api/trpc/host.me`, { headers: { authorization: `Bearer ${apiKey}` } });
  const answer = await me(key);
  expect(answer.status).toBe(200);
  expect(JSON.stringify(await answer.json())).toContain(slug);
  await page.goto("/dashboard");
  await expect(page.getByText("CRM sync")).toBeVisible();
  await expect(page.getByText("May: read bookings")).toBeVisible();
  // The app's clock is pinned to 1 Feb 2027.
  await expect(page.getByText(/expires 3 Mar 2027/)).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);
  const settings = await fetch(`${origin}/api/trpc/host.weeklyHours`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(settings.status).toBe(403);
  await page.getByRole("button", { name: "Revoke CRM sync" }).click();
  await expect(page.getByText("CRM sync")).toHaveCount(0);
  expect((await me(key)).status).toBe(401);

  // Weekly hours: a backwards interval is refused on its day; a good week is saved and kept.
  await page.getByRole("link", { name: "Weekly hours" }).click();
  await expect(page.getByRole("heading", { name: "Weekly hours" })).toBeVisible();
  await page.getByLabel("Tuesday from").fill("12:00");
  await page.getByLabel("Tuesday until").fill("10:00");
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page.getByText("End after you start.")).toBeVisible();
  await page.getByLabel("Tuesday until").fill("16:00");
  await page.getByLabel("Monday", { exact: true }).uncheck();
  await page.getByLabel("Saturday", { exact: true }).check();
  await page.getByLabel("Saturday from").fill("10:00");
  await page.getByLabel("Saturday until").fill("12:00");
  await page.getByLabel("Minimum notice").selectOption({ label: "1 day" });
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page).toHaveURL(/\/dashboard\?saved=hours$/);
  await expect(page.getByText("Your weekly hours are saved.")).toBeVisible();
  await page.getByRole("link", { name: "Weekly hours" }).click();
  await expect(page.getByLabel("Monday", { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Tuesday from")).toHaveValue("12:00");
  await expect(page.getByLabel("Saturday", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Saturday until")).toHaveValue("12:00");
  await expect(page.getByLabel("Minimum notice")).toHaveValue("1440");
  await page.getByRole("link", { name: "← Dashboard" }).click();

  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByTestId("calendar-status")).toHaveText("Not connected");
  await expect(page.getByRole("button", { name: "Connect Google Calendar" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login$/);
});

test("denying access at Google shows a clear error page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill("denier@example.com");
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page.getByRole("heading", { name: "Google access was not granted" })).toBeVisible();
});

test("a callback whose state does not match is refused", async ({ page }) => {
  const response = await page.goto("/auth/google/callback?code=forged&state=forged");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "This sign-in link has expired" })).toBeVisible();
});
