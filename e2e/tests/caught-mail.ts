import { expect } from "@playwright/test";
import type { CaughtMessage } from "@timetap/email/catcher";
import { inboxUrl } from "../playwright.config.ts";

/** What the mail catcher caught for `address`, over its control API. */
export async function messagesTo(address: string): Promise<CaughtMessage[]> {
  const response = await fetch(`${inboxUrl}/__control/messages`);
  expect(response.ok, "mail catcher").toBe(true);
  const messages = (await response.json()) as CaughtMessage[];
  return messages.filter((message) => message.to.includes(address));
}
