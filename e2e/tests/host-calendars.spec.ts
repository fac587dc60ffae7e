import { expect, test, type Page } from "@playwright/test";
import { emulatorUrl } from "../playwright.config.ts";

const DEMO_HOST_EMAIL = "demo@timetap.local";
// Thursday 4 February 2027, 10:00 in Berlin: inside the demo host's hours, days after the pinned clock.
const THURSDAY_TEN = "2027-02-04T09:00:00.000Z";
const THURSDAY_ELEVEN = "2027-02-04T10:00:00.000Z";

async function control<T>(route: string, body: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}/__control/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok, `emulator ${route}`).toBe(true);
  return (await response.json()) as T;
}

async function signInAsDemoHost(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await page.getByLabel("Email").fill(DEMO_HOST_EMAIL);
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Dana Demo" })).toBeVisible();
}

/** The start times the demo's intro call offers on Thursday, as any client reads them. */
async function thursdayStarts(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const call = (path: string, input: unknown) =>
    fetch(`${origin}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      .then((r) => r.json())
      .then((body: { result: { data: { json: unknown } } }) => body.result.data.json);
  const { packages } = (await call("catalog.host", { slug: "demo" })) as {
    packages: { id: string; durationMinutes: number }[];
  };
  const intro = packages.find((pkg) => pkg.durationMinutes === 30);
  const { slots } = (await call("availability.slots", {
    hostSlug: "demo",
    packageId: intro?.id,
    from: "2027-02-04T00:00:00.000Z",
    to: "2027-02-05T00:00:00.000Z",
  })) as { slots: { start: string }[] };
  return slots.map((slot) => slot.start);
}

async function chooseBusyCalendars(page: Page, names: string[], all: string[]) {
  await page.goto("/dashboard/calendars");
  const busy = page.getByRole("group", { name: "Calendars that make you busy" });
  for (const name of all) {
    const box = busy.getByRole("checkbox", { name, exact: false });
    if (names.includes(name)) await box.check();
    else await box.uncheck();
  }
  await page.getByRole("button", { name: "Save calendars" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Your calendars are saved. Your booking page uses them now.",
  );
}

test("the host makes a second calendar count as busy; its events leave the booking page at once, and a lost calendar is reported", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsDemoHost(page);
  const summary = `Work ${Date.now()}`;
  const work = await control<{ id: string }>("calendars", {
    email: DEMO_HOST_EMAIL,
    summary,
  });
  await control("host-events", {
    email: DEMO_HOST_EMAIL,
    calendarId: work.id,
    start: THURSDAY_TEN,
    end: "2027-02-04T10:00:00.000Z",
  });
  expect(await thursdayStarts(page)).toContain(THURSDAY_TEN);

  try {
    await chooseBusyCalendars(page, [DEMO_HOST_EMAIL, summary], [DEMO_HOST_EMAIL, summary]);
    await expect(
      page.getByRole("group", { name: "Calendar for new sessions" }).getByRole("radio", {
        name: DEMO_HOST_EMAIL,
      }),
    ).toBeChecked();
    expect(await thursdayStarts(page)).not.toContain(THURSDAY_TEN);

    // Google pushes the next change to the app, which drops its cached busy times at once.
    expect(await thursdayStarts(page)).toContain(THURSDAY_ELEVEN);
    await control("host-events", {
      email: DEMO_HOST_EMAIL,
      calendarId: work.id,
      start: THURSDAY_ELEVEN,
      end: "2027-02-04T11:00:00.000Z",
    });
    await expect
      .poll(() => thursdayStarts(page), { timeout: 3_000 })
      .not.toContain(THURSDAY_ELEVEN);

    await control("remove-calendar", { email: DEMO_HOST_EMAIL, calendarId: work.id });
    await page.goto("/dashboard");
    await expect(page.getByRole("alert")).toContainText(
      "A calendar you chose is no longer in your Google account",
    );
    await expect(page.getByText(`Busy times from: ${DEMO_HOST_EMAIL}`)).toBeVisible();
  } finally {
    await chooseBusyCalendars(page, [DEMO_HOST_EMAIL], [DEMO_HOST_EMAIL]);
  }
});
