import { expect } from "@playwright/test";
import { test } from "./page-errors";
import { inboxUrl } from "../playwright.config.ts";
import { messagesTo } from "./caught-mail.ts";
import { expectEmailFitsPhone } from "./email-on-phone.ts";

test("the booking's confirmation email, opened in the local inbox, carries the Meet link", async ({
  page,
  browser,
}, testInfo) => {
  const email = `e2e-mail-${Date.now()}@example.com`;
  await page.goto("/demo");
  await page.getByRole("link", { name: "Book Free intro call" }).click();
  await page.getByRole("radio").first().check();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  const meetLink = await page
    .getByRole("link", { name: "Join with Google Meet" })
    .getAttribute("href");
  expect(meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

  // The worker sends it within a tick or two; exactly one confirmation.
  await expect.poll(async () => (await messagesTo(email)).length, { timeout: 15_000 }).toBe(1);
  const [message] = await messagesTo(email);

  await page.goto(inboxUrl);
  await expect(page.getByRole("heading", { level: 1, name: "TimeTap local inbox" })).toBeVisible();
  // The host's notice of the booking names the customer too: open the customer's own email.
  await page
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("link", { name: "Booked: Free intro call with Dana Demo" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Booked: Free intro call with Dana Demo" }),
  ).toBeVisible();
  const shown = page.frameLocator('iframe[title="The message\'s HTML"]');
  await expect(shown.getByRole("link", { name: "Join with Google Meet" })).toHaveAttribute(
    "href",
    meetLink!,
  );
  await expect(page.getByRole("link", { name: "invite.ics" })).toBeVisible();

  // How it looks on a phone, for the report.
  await expectEmailFitsPhone(
    { browser, testInfo },
    message!.html!,
    "Manage your booking",
    "confirmation email",
  );
});
