import { expect } from "@playwright/test";
import { test } from "./page-errors";
import { inboxUrl } from "../playwright.config.ts";
import { messagesTo } from "./caught-mail.ts";
import { expectEmailFitsPhone } from "./email-on-phone.ts";
import { signInNewHost } from "./new-host.ts";

const subjectsTo = async (address: string) => (await messagesTo(address)).map((m) => m.subject);

test.use({ timezoneId: "Europe/Berlin" });

test("the host sets their emails on the dashboard, hears of a booking, and sees why its confirmation was not delivered", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const slug = await signInNewHost(page, {
    prefix: "e2e-emails",
    name: "Emma Emails",
    timeZone: "Europe/Berlin",
  });
  const hostEmail = (await page.getByText(/^Signed in as /).textContent())!.replace(
    "Signed in as ",
    "",
  );

  await page.getByRole("link", { name: "Emails", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Emails" })).toBeVisible();
  await expect(
    page.getByLabel("Email me when a customer books, moves or cancels a session"),
  ).toBeChecked();
  await expect(page.getByLabel("24 hours before the session")).toBeChecked();
  const hourBefore = page.getByLabel("1 hour before the session");
  await expect(hourBefore).not.toBeChecked();
  await hourBefore.check();
  await page.getByRole("button", { name: "Save email settings" }).click();
  await expect(page.getByText("Your email settings are saved.")).toBeVisible();
  await expect(hourBefore).toBeChecked();

  // A customer whose address the mail server refuses for good.
  const customer = `e2e-refused-${Date.now()}@example.com`;
  const rejected = await fetch(`${inboxUrl}/__control/rejections`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ address: customer, reply: "550 5.1.1 No such mailbox here" }),
  });
  expect(rejected.ok).toBe(true);
  await page.goto(`/${slug}`);
  await page.getByRole("link", { name: "Book Intro call" }).click();
  await page.getByRole("radio").first().check();
  await page.getByLabel("Email").fill(customer);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  await expect
    .poll(() => subjectsTo(hostEmail), { timeout: 20_000 })
    .toEqual([`New booking: Intro call with ${customer}`]);
  const booking = page.getByRole("listitem").filter({ hasText: customer });
  await expect(async () => {
    await page.goto("/dashboard");
    await expect(
      booking.getByText("Confirmation email not delivered: 550 5.1.1 No such mailbox here"),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  expect(await subjectsTo(customer)).toEqual([]);

  // The host's notice on a phone, for the report.
  const [notice] = await messagesTo(hostEmail);
  await expectEmailFitsPhone(
    { browser, testInfo },
    notice!.html!,
    "Open your dashboard",
    "host notice",
  );
});
