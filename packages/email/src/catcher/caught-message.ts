import type { ParsedMail } from "mailparser";

/** A message as the catcher keeps it: what a reader or a test looks at. */
export interface CaughtMessage {
  /** The inbox's own number for it, from 1. */
  id: number;
  messageId: string | null;
  from: string;
  /** The envelope's recipients: whom the server accepted it for. */
  to: string[];
  subject: string;
  receivedAt: string;
  text: string;
  html: string | null;
  attachments: Array<{ filename: string | null; contentType: string; content: string }>;
}

export function toCaughtMessage(id: number, mail: ParsedMail, to: string[]): CaughtMessage {
  return {
    id,
    messageId: mail.messageId ?? null,
    from: mail.from?.text ?? "",
    to,
    subject: mail.subject ?? "",
    receivedAt: new Date().toISOString(),
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : null,
    attachments: mail.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      content: attachment.content.toString("utf8"),
    })),
  };
}
