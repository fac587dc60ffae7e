import { Readable } from "node:stream";
import MailComposer from "nodemailer/lib/mail-composer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";
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

export interface SendOptions {
  /**
   * Runs once the server has taken the whole message, just before the end-of-data line that makes
   * it deliver. Until that line the server discards the message if the sender goes away, so this
   * is the last moment to record "handed over"; should it fail, the message is abandoned unsent.
   */
  beforeHandOver?: () => Promise<void>;
}

export interface Mailer {
  /** The From address, as in EMAIL_FROM ("TimeTap <bookings@example.com>"). */
  from: string;
  /** Resolves once the server accepted the message; otherwise throws an SmtpSendError. */
  send(email: OutgoingEmail, options?: SendOptions): Promise<void>;
  close(): void;
}

/**
 * The only way TimeTap speaks SMTP. A connection per message: sends are rare, and a server that
 * went away is simply dialled again on the next attempt. It drives the SMTP conversation itself
 * (nodemailer's connection, not its transport) to hold the end-of-data line back until
 * `beforeHandOver` has run.
 */
export function createMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const options: SMTPConnection.Options = {
    ...parseConnectionUrl(smtpUrl),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
  const url = new URL(smtpUrl);
  const credentials = url.username
    ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
    : undefined;
  const open = new Set<SMTPConnection>();
  return {
    from,
    async send(email, { beforeHandOver } = {}) {
      const message = new MailComposer({
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
      }).compile();
      const raw = await message.build();
      const connection = new SMTPConnection(options);
      open.add(connection);
      try {
        await converse(
          connection,
          credentials,
          message.getEnvelope(),
          handOver(raw, beforeHandOver),
        );
      } catch (error) {
        connection.close();
        throw SmtpSendError.from(error);
      } finally {
        open.delete(connection);
      }
    },
    close() {
      for (const connection of open) connection.close();
    },
  };
}

/** Connects, logs in when the URL has credentials, sends one message and says goodbye. */
async function converse(
  connection: SMTPConnection,
  credentials: SMTPConnection.Credentials | undefined,
  envelope: SMTPConnection.Envelope,
  message: Readable,
) {
  // Errors of the connection itself (refused, timed out, closed) arrive as events, not callbacks.
  const broken = new Promise<never>((_, reject) => {
    connection.once("error", reject);
    connection.once("end", () => reject(new Error("The mail server closed the connection.")));
  });
  broken.catch(() => undefined);
  const step = <T>(run: (done: (error: Error | null, value?: T) => void) => void) =>
    Promise.race([
      new Promise<T>((resolve, reject) =>
        run((error, value) => (error ? reject(error) : resolve(value as T))),
      ),
      broken,
    ]);
  await step<void>((done) => connection.connect(() => done(null)));
  if (credentials) await step((done) => connection.login(credentials, done));
  await step((done) => connection.send(envelope, message, done));
  connection.quit();
}

/**
 * The message as a stream that gives its bytes once the server asked for them (after DATA), then
 * waits for `beforeHandOver` before ending, which is what writes the end-of-data line.
 */
function handOver(raw: Buffer, beforeHandOver?: () => Promise<void>): Readable {
  let given = false;
  return new Readable({
    read() {
      if (!given) {
        given = true;
        this.push(raw);
        return;
      }
      if (!beforeHandOver) return void this.push(null);
      beforeHandOver().then(
        () => this.push(null),
        (error: Error) => this.destroy(error),
      );
    },
  });
}
