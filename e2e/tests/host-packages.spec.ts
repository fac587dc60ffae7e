import { expect } from "@playwright/test";
import { test } from "./page-errors";
import { signInNewHost } from "./new-host";

test("a host adds a paid package, orders it first, and archives it; its booking can still move", async ({
  page,
}) => {
  const slug = await signInNewHost(page, {
    prefix: "pia",
    name: "Pia Packager",
    timeZone: "Europe/Berlin",
  });
  await page.getByRole("link", { name: "Packages" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Packages" })).toBeVisible();

  const newPackage = page.getByRole("region", { name: "New package" });
  await newPackage.getByLabel("Name").fill("Deep dive");
  await newPackage.getByLabel("Description").fill("Bring your questions.\nLeave with a plan.");
  await newPackage.getByLabel("Length in minutes").fill("45");
  await newPackage.getByLabel("Price").fill("120.5");
  await newPackage.getByLabel("Currency").selectOption("EUR");
  // A price with too many decimals is refused by its field, and the form keeps what was typed.
  await newPackage.getByLabel("Price").fill("120.505");
  await newPackage.getByRole("button", { name: "Add package" }).click();
  await expect(newPackage.getByText("Give at most 2 decimals.")).toBeVisible();
  await expect(newPackage.getByLabel("Name")).toHaveValue("Deep dive");
  await newPackage.getByLabel("Price").fill("120.50");
  await newPackage.getByRole("button", { name: "Add package" }).click();
  await expect(page.getByRole("status")).toHaveText("“Deep dive” is saved.");

  const list = page.getByRole("list", { name: "Your packages" });
  await expect(list.getByRole("heading", { level: 3 })).toHaveText(["Intro call", "Deep dive"]);

  // The public page: the new package last, its price in euros, its description's two lines.
  await page.goto(`/${slug}`);
  const sessions = page.getByRole("list", { name: "Sessions" });
  await expect(sessions.getByRole("heading")).toHaveText(["Intro call", "Deep dive"]);
  const deepDive = sessions.getByRole("listitem").filter({ hasText: "Deep dive" });
  await expect(deepDive.getByText("45 minutes · €120.50")).toBeVisible();
  expect(await deepDive.getByText("Bring your questions.").innerText()).toBe(
    "Bring your questions.\nLeave with a plan.",
  );
  await deepDive.getByRole("link", { name: "Book Deep dive" }).click();
  await expect(page.getByText("Payment is arranged with Pia Packager directly.")).toBeVisible();
  // A customer books it; the booking outlives the package being archived.
  await page.getByRole("radio").first().check();
  await page.getByLabel("Email").fill(`pia-customer-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  const confirmation = page.url();

  await page.goto("/dashboard/packages");
  await list.getByRole("button", { name: "Move up Deep dive" }).click();
  await expect(list.getByRole("heading", { level: 3 })).toHaveText(["Deep dive", "Intro call"]);
  await page.goto(`/${slug}`);
  await expect(sessions.getByRole("heading")).toHaveText(["Deep dive", "Intro call"]);

  await page.goto("/dashboard/packages");
  await list.getByRole("button", { name: "Archive Deep dive" }).click();
  await expect(list.getByRole("heading", { level: 3 })).toHaveText(["Intro call"]);
  await page.goto(`/${slug}`);
  await expect(sessions.getByRole("heading")).toHaveText(["Intro call"]);

  // The customer who holds a Deep dive can still see it and move it to another time.
  await page.goto(confirmation);
  await page.getByRole("link", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Move your Deep dive" })).toBeVisible();
  await page.getByRole("radio").nth(1).check();
  await page.getByRole("button", { name: "Move booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  // With nothing left on offer the page still answers, and says so.
  await page.goto("/dashboard/packages");
  await list.getByRole("button", { name: "Archive Intro call" }).click();
  await expect(page.getByText("You have no packages yet")).toBeVisible();
  const response = await page.goto(`/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(
    page.getByText("There is nothing to book with Pia Packager right now."),
  ).toBeVisible();
});
