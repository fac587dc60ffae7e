import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";

// WCAG 2.1 A and AA: the project's accessibility standard.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const SCREENS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

test.use({ timezoneId: "Europe/Berlin" });

/**
 * Runs axe on the page as it is shown and expects no violation (soft, so one run lists every
 * page's problems); on a narrow screen the page must also fit its width, with no sideways scrolling.
 */
async function expectAccessible(page: Page, what: string, maxWidth: number) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const readable = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect.soft(readable, `axe violations on ${what}`).toEqual([]);
  // axe's link-in-text-block rule let the dashboard's colour-only links pass, so the project's own
  // rule is checked here too: a link among other words is underlined (or shaped as a button).
  const colourOnlyLinks = await page.locator("a").evaluateAll((links) =>
    links
      .filter((link) => {
        const block = link.closest("p, li, td, dd, label");
        const style = getComputedStyle(link);
        return (
          block !== null &&
          block.textContent?.trim() !== link.textContent?.trim() &&
          !style.textDecorationLine.includes("underline") &&
          style.backgroundColor === "rgba(0, 0, 0, 0)"
        );
      })
      .map((link) => link.textContent?.trim()),
  );
  expect.soft(colourOnlyLinks, `links told apart by colour only on ${what}`).toEqual([]);
  if (maxWidth < 1000) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(width, `${what} scrolls sideways at ${maxWidth} px`).toBeLessThanOrEqual(maxWidth);
  }
}

/** Pages ahead from the week shown until it offers a free time (at most 3 weeks). */
async function showWeekWithTimes(page: Page) {
  const firstTime = page.getByRole("radio").first();
  const emptyWeek = page.getByText("No free times this week.");
  for (let pages = 0; pages < 3; pages += 1) {
    await expect(firstTime.or(emptyWeek)).toBeVisible();
    if (await firstTime.isVisible()) return;
    await page.getByRole("link", { name: "Next week", exact: true }).click();
  }
  await expect(firstTime).toBeVisible();
}

/** Opens a package's booking page from a host page and waits for the browser's zone and a time. */
async function openBookingPage(page: Page, hostSlug: string, bookLink: string) {
  await page.goto(`/${hostSlug}`);
  await page.getByRole("link", { name: bookLink }).click();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await showWeekWithTimes(page);
}

for (const screen of SCREENS) {
  test.describe(`on a ${screen.name} screen (${screen.viewport.width} px)`, () => {
    test.use({ viewport: screen.viewport });
    const width = screen.viewport.width;

    test("every page a visitor sees passes axe, with form errors shown too", async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto("/");
      await expectAccessible(page, "the home page", width);
      await page.goto("/login");
      await expectAccessible(page, "the sign-in page", width);
      await page.goto("/demo");
      await expectAccessible(page, "the host page", width);

      await openBookingPage(page, "demo", "Book Free intro call");
      await expect(page.getByRole("table")).toBeVisible();
      await expectAccessible(page, "the booking page with its week and month", width);

      await page.getByRole("radio").first().check();
      await page.getByLabel("Email").fill("not-an-email");
      await page.getByRole("button", { name: "Confirm booking" }).click();
      await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expectAccessible(page, "the booking page with an invalid email", width);

      await page.getByLabel("Email").fill(`e2e-a11y-${Date.now()}@example.com`);
      await page.getByRole("button", { name: "Confirm booking" }).click();
      await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
      await expectAccessible(page, "the confirmation page", width);

      await page.getByRole("link", { name: "Reschedule" }).click();
      await expect(
        page.getByRole("heading", { level: 1, name: "Move your Free intro call" }),
      ).toBeVisible();
      await showWeekWithTimes(page);
      await expectAccessible(page, "the booking page moving a booking", width);

      await page.getByRole("link", { name: "← Keep my current time" }).click();
      await page.getByText("Need to cancel?").click();
      await expectAccessible(page, "the confirmation page with its cancel form open", width);
      await page.getByRole("button", { name: "Cancel booking" }).click();
      await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
      await expectAccessible(page, "a cancelled booking's page", width);

      await page.goto("/nobody");
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expectAccessible(page, "the not-found page", width);
      await page.goto("/auth/google/callback?code=x&state=y");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, "the Google error page", width);
    });

    test("every page a signed-in host sees passes axe, with form errors shown too", async ({
      page,
    }) => {
      test.setTimeout(150_000);
      const slug = `a11y-${screen.name}-${Date.now()}`;
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in with Google" }).click();
      // The Google emulator's consent page is not ours: it is not checked.
      await page.getByLabel("Email").fill(`${slug}@example.com`);
      await page.getByRole("button", { name: "Allow" }).click();

      await expect(page).toHaveURL(/\/dashboard\/welcome$/);
      await expectAccessible(page, "the welcome page", width);
      await page.getByLabel("Page address").fill("demo");
      await page.getByLabel("Your name").fill("Ally Access");
      await page.getByLabel("Time zone").selectOption("Europe/Berlin");
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(
        page.getByText("The address /demo is taken. Please pick another."),
      ).toBeVisible();
      await expectAccessible(page, "the welcome page with a taken address", width);
      await page.getByLabel("Page address").fill(slug);
      await page.getByRole("button", { name: "Save and continue" }).click();
      await expect(page).toHaveURL(/\/dashboard$/);

      // A booking, so that the dashboard lists one.
      const guest = `guest-${Date.now()}@example.com`;
      await openBookingPage(page, slug, "Book Intro call");
      await page.getByRole("radio").first().check();
      await page.getByLabel("Email").fill(guest);
      await page.getByRole("button", { name: "Confirm booking" }).click();
      await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

      await page.goto("/dashboard");
      await expect(page.getByText(guest).first()).toBeVisible();
      await expectAccessible(page, "the dashboard with a booking", width);

      await page.goto("/dashboard/hours");
      await expectAccessible(page, "the weekly hours page", width);
      await page.getByLabel("Tuesday from").fill("12:00");
      await page.getByLabel("Tuesday until").fill("10:00");
      await page.getByRole("button", { name: "Save hours" }).click();
      await expect(page.getByText("End after you start.")).toBeVisible();
      await expectAccessible(page, "the weekly hours page with a backwards interval", width);

      await page.goto("/dashboard/packages");
      await expectAccessible(page, "the packages page", width);
      const newPackage = page.getByRole("region", { name: "New package" });
      await newPackage.getByLabel("Name").fill("Deep dive");
      await newPackage.getByLabel("Length in minutes").fill("45");
      await newPackage.getByLabel("Price").fill("1.505");
      await newPackage.getByRole("button", { name: "Add package" }).click();
      await expect(newPackage.getByText("Give at most 2 decimals.")).toBeVisible();
      await expectAccessible(page, "the packages page with a bad price", width);

      await page.goto("/dashboard/limits");
      await expectAccessible(page, "the booking rules page", width);
      await page.getByLabel(/how far ahead/i).fill("400");
      await page.getByRole("button", { name: /save/i }).click();
      await expect(page.getByText(/at most 365/i)).toBeVisible();
      await expectAccessible(page, "the booking rules page with an error", width);

      await page.goto("/dashboard/emails");
      await expectAccessible(page, "the email settings page", width);

      await page.goto("/dashboard/profile");
      await expectAccessible(page, "the profile page", width);
      await page.goto("/dashboard/sessions");
      await expectAccessible(page, "the signed-in devices page", width);
    });
  });
}
