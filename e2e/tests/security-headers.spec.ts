import { expect, type Page, type Response } from "@playwright/test";
import { test } from "./page-errors";

// A zone other than the demo host's (Europe/Berlin): the booking page switches to it only if its
// scripts ran under the Content-Security-Policy.
test.use({ timezoneId: "Europe/Lisbon" });

/** Fails the test on any Content-Security-Policy violation the browser reports. */
function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

function directives(policy: string) {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

/**
 * The page's response carries the headers, and every script in it carries the nonce its policy
 * names: the only inline code the browser will run.
 */
async function expectSecured(response: Response | null) {
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const policy = directives(headers["content-security-policy"] ?? "");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  const scriptSrc = policy.get("script-src") ?? [];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = scriptSrc.map((source) => /^'nonce-(.+)'$/.exec(source)?.[1]).find(Boolean);
  expect(nonce).toBeTruthy();
  const scripts = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
}

test("every page a visitor sees is served with the headers and still works", async ({ page }) => {
  const violations = watchViolations(page);
  await expectSecured(await page.goto("/"));
  await expectSecured(await page.goto("/login"));
  await expectSecured(await page.goto("/demo"));

  const book = page.getByRole("link", { name: "Book Free intro call" });
  const bookingPage = await book.getAttribute("href");
  await expectSecured(await page.goto(bookingPage ?? ""));
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
  await page.getByRole("radio").first().check();
  await page.getByLabel("Email").fill(`e2e-headers-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?token=/);
  // The confirmation came from a client-side navigation; load it as a document too.
  await expectSecured(await page.reload());
  await expect(page.getByRole("link", { name: "Join with Google Meet" })).toBeVisible();

  expect(violations).toEqual([]);
});

test("a host signs in through Google and the dashboard is served with the headers", async ({
  page,
}) => {
  const violations = watchViolations(page);
  await page.goto("/login");
  // The sign-in form's redirect to the consent page is allowed by form-action.
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(`headers-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/dashboard\/welcome$/);
  await page.getByLabel("Page address").fill(`headers-${Date.now()}`);
  await page.getByLabel("Your name").fill("Harper Headers");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Harper Headers" })).toBeVisible();

  await expectSecured(await page.goto("/dashboard"));
  await expect(page.getByRole("heading", { name: "Hello, Harper Headers" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a form posted from another site is refused", async ({ page }) => {
  await page.goto("/demo");
  const bookingPage = await page
    .getByRole("link", { name: "Book Free intro call" })
    .getAttribute("href");
  const fromElsewhere = { headers: { origin: "http://evil.example" } };
  for (const path of ["/logout", bookingPage ?? ""]) {
    const answer = await page.request.post(path, {
      ...fromElsewhere,
      form: { customerEmail: "victim@example.com" },
    });
    expect(answer.status()).toBe(403);
    expect(await answer.text()).toBe("This request came from another site, so it was refused.");
  }
  const trpc = await page.request.post("/api/trpc/booking.create", {
    ...fromElsewhere,
    data: { json: { hostSlug: "demo" } },
  });
  expect(trpc.status()).toBe(403);
  // API calls are answered ahead of Express and its page policy: theirs allows nothing.
  expect(trpc.headers()["content-security-policy"]).toBe(
    "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
  );
});
