// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { renderInRoute } from "~/testing/render-in-route";
import { EmailSettingsForm } from "./email-settings-form";

afterEach(cleanup);

it("shows each email setting as a labelled box and posts the ticked ones", async () => {
  const posted = renderInRoute(
    <EmailSettingsForm
      settings={{ hostNotices: true, reminder24h: true, reminder1h: false }}
      hostEmail="dana@example.com"
      error={undefined}
      pending={false}
    />,
  );
  const notices = screen.getByRole("checkbox", {
    name: "Email me when a customer books, moves or cancels a session",
  });
  expect((notices as HTMLInputElement).checked).toBe(true);
  expect(notices.getAttribute("aria-describedby")).toBe("hostNotices-about");
  expect(screen.getByText(/Sent to dana@example.com/)).toBeTruthy();
  expect(screen.getByRole("group", { name: "Reminders to your customers" })).toBeTruthy();

  fireEvent.click(notices);
  fireEvent.click(screen.getByRole("checkbox", { name: "1 hour before the session" }));
  fireEvent.click(screen.getByRole("button", { name: "Save email settings" }));
  await waitFor(() => expect(posted).toHaveLength(1));
  expect(Object.fromEntries(posted[0]!)).toEqual({ reminder24h: "on", reminder1h: "on" });
});
