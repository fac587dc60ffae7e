import { expect, type Browser, type TestInfo } from "@playwright/test";

/**
 * Shows an email's HTML on a 390 px screen: `link` is visible, nothing scrolls sideways, and a
 * screenshot named `what` goes into the report.
 */
export async function expectEmailFitsPhone(
  { browser, testInfo }: { browser: Browser; testInfo: TestInfo },
  html: string,
  link: string,
  what: string,
) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.setContent(html);
  await expect(phone.getByRole("link", { name: link })).toBeVisible();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "no sideways scrolling at 390 px").toBeLessThanOrEqual(390);
  await testInfo.attach(`${what} at 390 px`, {
    body: await phone.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
  await phone.close();
}
