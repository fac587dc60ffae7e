import { expect } from "@playwright/test";
import { signUp } from "./new-host";
import { test } from "./page-errors";

/**
 * A click at the earliest moment a page can take one: right after the app's script has started
 * listening (React listens on the document) and before React has rendered anything, as a visitor
 * on a slow phone taps while the page is still loading. Dispatched from the page itself, because
 * no click from outside can be timed into that moment reliably.
 */
const clickAsSoonAsListened = () => {
  const listen = document.addEventListener.bind(document);
  let clicked = false;
  document.addEventListener = (...args: Parameters<typeof document.addEventListener>) => {
    listen(...args);
    if (args[0] !== "click" || clicked) return;
    clicked = true;
    queueMicrotask(() => {
      const target = document.querySelector("h1") ?? document.body;
      target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
    });
  };
};

test("a host who clicks while each page is still starting up meets no error, and the pages work", async ({
  page,
}) => {
  await page.addInitScript(clickAsSoonAsListened);
  const stamp = Date.now();
  await signUp(page, `early-${stamp}@example.com`);
  await page.getByLabel("Page address").fill(`early-${stamp}`);
  await page.getByLabel("Your name").fill("Erin Early");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Hello, Erin Early" })).toBeVisible();
});

/**
 * Every page's loader data comes as a stream inlined in its HTML, and the app takes the page over
 * once it is read. Here each piece of it is held back for 2 s, as on a slow phone: long enough
 * for the host to fill in a form before the app has taken the page over.
 */
const slowPageData = () => {
  let context: Record<string, unknown> | undefined;
  Object.defineProperty(window, "__remixContext", {
    configurable: true,
    get: () => context,
    set(value: Record<string, unknown>) {
      context = value;
      let controller: ReadableStreamDefaultController<string> | undefined;
      Object.defineProperty(value, "streamController", {
        configurable: true,
        get: () => controller,
        set(given: ReadableStreamDefaultController<string>) {
          const [enqueue, close] = [given.enqueue.bind(given), given.close.bind(given)];
          given.enqueue = (piece) => void setTimeout(() => enqueue(piece), 2_000);
          given.close = () => void setTimeout(close, 2_000);
          controller = given;
        },
      });
    },
  });
};

const takenOver = () => "__remixRouter" in window;

test.describe("in a browser set to Tokyo time", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("a new host who picks their time zone while the page is still loading keeps it, not the browser's", async ({
    page,
  }) => {
    await page.addInitScript(slowPageData);
    const stamp = Date.now();
    await signUp(page, `zone-${stamp}@example.com`);

    expect(await page.evaluate(takenOver)).toBe(false);
    // As served: the zone a new host starts with.
    await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
    await page.getByLabel("Page address").fill(`zone-${stamp}`);
    await page.getByLabel("Your name").fill("Lena Lisbon");
    await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
    expect(await page.evaluate(takenOver)).toBe(false);

    // Taken over, and the page's effects have run (ScrollRestoration's is among them).
    await page.waitForFunction(() => history.scrollRestoration === "manual");
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/dashboard/profile");
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
  });

  test("a visitor who picks a time zone while the booking page is still loading sees the times in it, not in the browser's", async ({
    page,
    browser,
  }) => {
    await page.goto("/demo");
    const bookingPage = await page
      .getByRole("link", { name: "Book Free intro call" })
      .getAttribute("href");
    await page.addInitScript(slowPageData);
    await page.goto(bookingPage!);

    expect(await page.evaluate(takenOver)).toBe(false);
    // As served: the host's zone (the browser's is not known to the server).
    await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await page.getByLabel("Time zone").selectOption("America/New_York");
    expect(await page.evaluate(takenOver)).toBe(false);

    await page.waitForFunction(() => history.scrollRestoration === "manual");
    await expect(page).toHaveURL(/[?&]tz=America%2FNew_York(&|$)/);
    await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
    // The times are New York's: as a page asked for in New York time shows them.
    const asked = await browser.newPage({ timezoneId: "Asia/Tokyo" });
    await asked.goto(page.url());
    // Each day's heading and times, as the visitor reads them.
    const times = (shown: typeof page) => shown.getByRole("group").allInnerTexts();
    await expect(asked.getByRole("radio").first()).toBeVisible();
    const expected = await times(asked);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => times(page)).toEqual(expected);
    await asked.close();
  });

  test("a new host who leaves the time zone alone is offered the browser's", async ({ page }) => {
    const stamp = Date.now();
    await signUp(page, `tokyo-${stamp}@example.com`);
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  });
});
