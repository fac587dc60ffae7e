import { expect, type Browser, type TestInfo } from "@playwright/test";
import type { CaughtMessage } from "@timetap/email/catcher";

/**
 * Shows a caught email's HTML on a 390 px screen: its heading (the subject) is visible, nothing
 * scrolls sideways, and a screenshot named `what` goes into the report.
 */
export async function expectEmailFitsPhone(
  { browser, testInfo }: { browser: Browser; testInfo: TestInfo },
  message: CaughtMessage | undefined,
  what: string,
) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.setContent(message?.html ?? "");
  await expect(phone.getByRole("heading", { level: 1, name: message?.subject })).toBeVisible();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "no sideways scrolling at 390 px").toBeLessThanOrEqual(390);
  await testInfo.attach(`${what} email at 390 px`, {
    body: await phone.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await phone.close();
}
