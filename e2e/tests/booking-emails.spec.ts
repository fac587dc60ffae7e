import { expect, type Page } from "@playwright/test";
import { test } from "./page-errors";
import type { CaughtMessage } from "@timetap/email/catcher";
import { emulatorUrl, inboxUrl } from "../playwright.config.ts";
import { eventsWith } from "./calendar-events.ts";
import { messagesTo } from "./caught-mail.ts";
import { bookDemoIntroCall, DEMO_HOST_EMAIL, signInAsDemoHost } from "./demo-host.ts";
import { expectEmailFitsPhone } from "./email-on-phone.ts";

/** Waits (the worker sends within a tick or two) until `address` has exactly `count` emails. */
async function waitForEmails(address: string, count: number) {
  await expect
    .poll(async () => (await messagesTo(address)).length, { timeout: 20_000 })
    .toBe(count);
  return messagesTo(address);
}

/** Opens the message titled `subject` to `address` in the catcher's inbox, as a developer would. */
async function openInInbox(page: Page, address: string, subject: string) {
  await page.goto(inboxUrl);
  await expect(page.getByRole("heading", { level: 1, name: "TimeTap local inbox" })).toBeVisible();
  await page
    .getByRole("row")
    .filter({ hasText: address })
    .getByRole("link", { name: subject, exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  return page.frameLocator('iframe[title="The message\'s HTML"]');
}

/** Opens the email in the inbox; its Join button links `meetLink`. */
async function expectJoinLink(page: Page, address: string, subject: string, meetLink: string) {
  const shown = await openInInbox(page, address, subject);
  await expect(shown.getByRole("link", { name: "Join with Google Meet" })).toHaveAttribute(
    "href",
    meetLink,
  );
}

const inviteOf = (message: CaughtMessage | undefined) =>
  message?.attachments.find((a) => a.filename === "invite.ics")?.content ?? "";

test("the booking's confirmation email, opened in the local inbox, carries the Meet link", async ({
  page,
  browser,
}, testInfo) => {
  const email = `e2e-mail-${Date.now()}@example.com`;
  await bookDemoIntroCall(page, email);
  const meetLink = await page
    .getByRole("link", { name: "Join with Google Meet" })
    .getAttribute("href");
  expect(meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

  const [message] = await waitForEmails(email, 1);
  await expectJoinLink(page, email, "Booked: Free intro call with Dana Demo", meetLink!);
  await expect(page.getByRole("link", { name: "invite.ics" })).toBeVisible();
  await expectEmailFitsPhone({ browser, testInfo }, message, "confirmation");
});

test("with Google failing, the confirmation says the Meet link will follow; after the retry it does; a move and the cancellation each send their own email", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const email = `e2e-late-link-${Date.now()}@example.com`;
  const refusal = await fetch(`${emulatorUrl}/__control/fail`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation: "events.insert", status: 400, reason: "invalid", count: 1 }),
  });
  expect(refusal.ok).toBe(true);

  await bookDemoIntroCall(page, email);
  await expect(page.getByRole("link", { name: "Join with Google Meet" })).toHaveCount(0);
  const bookingPage = page.url();

  // The confirmation goes without the link, and says so.
  const [confirmation] = await waitForEmails(email, 1);
  const shown = await openInInbox(page, email, "Booked: Free intro call with Dana Demo");
  await expect(shown.getByText("Your Meet link will be sent separately.")).toBeVisible();
  await expect(shown.getByRole("link", { name: "Join with Google Meet" })).toHaveCount(0);
  await expectEmailFitsPhone(
    { browser, testInfo },
    confirmation,
    "confirmation without the Meet link",
  );

  // The host retries; Google makes the event; the promised email brings its link.
  await signInAsDemoHost(page);
  await page.goto("/dashboard");
  const row = page.getByRole("listitem").filter({ hasText: email });
  await row.getByRole("button", { name: `Retry now: ${email}` }).click();
  await expect(row).toContainText("On your calendar");
  const [event] = await eventsWith(DEMO_HOST_EMAIL, email);
  const meetLink = String(event?.["hangoutLink"]);
  expect(meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

  const followUp = (await waitForEmails(email, 2))[1];
  await expectJoinLink(page, email, "Meet link: Free intro call with Dana Demo", meetLink);
  await expectEmailFitsPhone({ browser, testInfo }, followUp, "Meet link follow-up");

  // The customer moves it: one email with the new time and an invitation moving the same event.
  await page.goto(bookingPage);
  await page.getByRole("link", { name: "Reschedule" }).click();
  await page.getByRole("radio").nth(1).check();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  const moved = (await waitForEmails(email, 3))[2];
  expect(moved?.subject).toBe("Moved: Free intro call with Dana Demo");
  expect(inviteOf(moved)).toMatch(/^METHOD:REQUEST\r?$/m);
  expect(inviteOf(moved)).toMatch(/^SEQUENCE:2\r?$/m);
  await expectJoinLink(page, email, "Moved: Free intro call with Dana Demo", meetLink);
  await expectEmailFitsPhone({ browser, testInfo }, moved, "moved");

  // And cancels it: the last email, whose invitation removes the event.
  await page.goto(bookingPage);
  await page.getByText("Need to cancel?").click();
  await page.getByRole("button", { name: "Cancel booking" }).click();
  await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  const cancelled = (await waitForEmails(email, 4))[3];
  expect(cancelled?.subject).toBe("Cancelled: Free intro call with Dana Demo");
  expect(inviteOf(cancelled)).toMatch(/^METHOD:CANCEL\r?$/m);
  expect(inviteOf(cancelled)).toMatch(/^SEQUENCE:3\r?$/m);
  await openInInbox(page, email, "Cancelled: Free intro call with Dana Demo");
  await expectEmailFitsPhone({ browser, testInfo }, cancelled, "cancelled");
});
