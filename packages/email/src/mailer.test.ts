import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startCatcher, type Catcher } from "./catcher/index.ts";
import { createMailer, type OutgoingEmail } from "./mailer.ts";
import { messageIdFor } from "./message-id.ts";
import { SmtpSendError } from "./smtp-send-error.ts";

let catcher: Catcher;
beforeAll(async () => {
  catcher = await startCatcher();
});
afterAll(() => catcher.close());
beforeEach(() => catcher.clear());

const email: OutgoingEmail = {
  to: "sam@example.com",
  messageId: messageIdFor("b1", "booking_confirmed", "TimeTap <bookings@timetap.example>"),
  subject: "Booked",
  html: "<p>Booked</p>",
  text: "Booked",
  calendar: { method: "REQUEST", content: "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR" },
};

describe("the mailer, over SMTP to the catcher", () => {
  it("delivers both parts, the invitation and the given Message-ID", async () => {
    const mailer = createMailer({
      smtpUrl: catcher.smtpUrl,
      from: "TimeTap <bookings@timetap.example>",
    });
    await mailer.send(email);
    const [message] = catcher.messages();
    expect(message?.messageId).toBe("<booking-b1.booking_confirmed@timetap.example>");
    expect(message?.to).toEqual(["sam@example.com"]);
    expect(message?.from).toContain("bookings@timetap.example");
    expect(message?.text.trim()).toBe("Booked");
    expect(message?.html).toContain("<p>Booked</p>");
    expect(message?.attachments.find((a) => a.filename === "invite.ics")?.content).toContain(
      "METHOD:REQUEST",
    );
  });

  it("reports a 550 as permanent, with the server's reason", async () => {
    catcher.reject("gone@example.com", "550 5.1.1 No such user here");
    const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: "bookings@timetap.example" });
    const error = await mailer.send({ ...email, to: "gone@example.com" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSendError);
    expect(error).toMatchObject({ kind: "permanent", responseCode: 550 });
    expect((error as SmtpSendError).reason).toContain("No such user here");
    expect(catcher.messages()).toEqual([]);
  });

  it("reports a 4xx answer and a server that is down as temporary", async () => {
    const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: "bookings@timetap.example" });
    catcher.reject("busy@example.com", "450 4.2.1 Try again later");
    await expect(mailer.send({ ...email, to: "busy@example.com" })).rejects.toMatchObject({
      kind: "temporary",
      responseCode: 450,
    });
    await catcher.stopSmtp();
    try {
      await expect(mailer.send(email)).rejects.toMatchObject({ kind: "temporary" });
    } finally {
      await catcher.startSmtp();
    }
    await mailer.send(email);
    expect(catcher.messages()).toHaveLength(1);
  });

  it("hands the message over only after beforeHandOver ran; if that fails, nothing is delivered", async () => {
    const mailer = createMailer({ smtpUrl: catcher.smtpUrl, from: "bookings@timetap.example" });
    const caughtBeforeHandOver: number[] = [];
    await mailer.send(email, {
      beforeHandOver: async () => {
        caughtBeforeHandOver.push(catcher.messages().length);
      },
    });
    expect(caughtBeforeHandOver).toEqual([0]);
    expect(catcher.messages()).toHaveLength(1);

    catcher.clear();
    await expect(
      mailer.send(email, {
        beforeHandOver: () => Promise.reject(new Error("the database is gone")),
      }),
    ).rejects.toMatchObject({ kind: "temporary", reason: expect.stringContaining("database") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(catcher.messages()).toEqual([]);

    // Not before the server took the envelope: a refused recipient never reaches the hand-over.
    catcher.reject("gone@example.com");
    const handedOver: string[] = [];
    const beforeHandOver = async () => void handedOver.push("gone@example.com");
    await expect(
      mailer.send({ ...email, to: "gone@example.com" }, { beforeHandOver }),
    ).rejects.toMatchObject({ kind: "permanent" });
    expect(handedOver).toEqual([]);
  });
});
