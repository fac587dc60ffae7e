import { afterAll, beforeAll, expect, it } from "vitest";
import { createMailer } from "../mailer.ts";
import { startCatcher, type Catcher } from "./catcher.ts";

let catcher: Catcher;
beforeAll(async () => {
  catcher = await startCatcher();
  await createMailer({ smtpUrl: catcher.smtpUrl, from: "TimeTap <bookings@timetap.test>" }).send({
    to: "sam@example.com",
    messageId: "<m1@timetap.test>",
    subject: "Booked: <Intro>",
    html: "<p>Hello <strong>Sam</strong></p>",
    text: "Hello Sam",
    calendar: { method: "REQUEST", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR" },
  });
});
afterAll(() => catcher.close());

it("lists caught messages in its inbox and shows one with its HTML, text and invitation", async () => {
  const inbox = await (await fetch(catcher.inboxUrl)).text();
  expect(inbox).toContain("<h1>TimeTap local inbox</h1>");
  expect(inbox).toContain('<a href="/messages/1"');
  expect(inbox).toContain("Booked: &lt;Intro&gt;");
  expect(inbox).toContain("sam@example.com");

  const page = await (await fetch(`${catcher.inboxUrl}/messages/1`)).text();
  expect(page).toContain("<h1>Booked: &lt;Intro&gt;</h1>");
  expect(page).toMatch(/<iframe title="The message's HTML" sandbox srcdoc="[^"]*&lt;strong&gt;Sam/);
  expect(page).toContain("Hello Sam");
  const invite = /<a href="([^"]+)"[^>]*>invite\.ics<\/a>/.exec(page)?.[1];
  const ics = await fetch(`${catcher.inboxUrl}${invite}`);
  expect(ics.headers.get("content-disposition")).toBe('attachment; filename="invite.ics"');
  expect(await ics.text()).toContain("METHOD:REQUEST");

  expect((await fetch(`${catcher.inboxUrl}/messages/2`)).status).toBe(404);
});

it("answers the control API: messages as JSON, rejections, and clearing", async () => {
  const messages = await (await fetch(`${catcher.inboxUrl}/__control/messages`)).json();
  expect(messages).toMatchObject([
    { id: 1, messageId: "<m1@timetap.test>", to: ["sam@example.com"] },
  ]);

  await fetch(`${catcher.inboxUrl}/__control/rejections`, {
    method: "POST",
    body: JSON.stringify({ address: "Gone@Example.com" }),
  });
  const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: "bookings@timetap.test" });
  const message = { messageId: "<m2@timetap.test>", subject: "x", html: "x", text: "x" };
  await expect(mailer.send({ ...message, to: "gone@example.com" })).rejects.toMatchObject({
    kind: "permanent",
    reason: expect.stringContaining("550 5.1.1 Mailbox unavailable"),
  });

  await fetch(`${catcher.inboxUrl}/__control/messages`, { method: "DELETE" });
  expect(await (await fetch(`${catcher.inboxUrl}/__control/messages`)).json()).toEqual([]);
});
