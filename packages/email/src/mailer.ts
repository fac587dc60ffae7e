import nodemailer from "nodemailer";
import { SmtpSendError } from "./smtp-send-error.ts";

/** One message as TimeTap sends it: both parts, and an invitation when it is about an event. */
export interface OutgoingEmail {
  to: string;
  /** `<…@…>`, the same on every attempt, so a retry is recognisably the same message. */
  messageId: string;
  subject: string;
  html: string;
  text: string;
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
}

export interface Mailer {
  /** The From address, as in EMAIL_FROM ("TimeTap <bookings@example.com>"). */
  from: string;
  /** Resolves once the server accepted the message; otherwise throws an SmtpSendError. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * The only way TimeTap speaks SMTP. A connection per message: sends are rare, and a server that
 * went away is simply dialled again on the next attempt.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    from,
    async send(email) {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          messageId: email.messageId,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.calendar && {
            icalEvent: {
              method: email.calendar.method,
              content: email.calendar.content,
              filename: "invite.ics",
            },
          }),
        });
      } catch (error) {
        throw SmtpSendError.from(error);
      }
    },
    close: () => transport.close(),
  };
}
