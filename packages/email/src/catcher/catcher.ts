import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { toCaughtMessage, type CaughtMessage } from "./caught-message.ts";
import { inboxPage, messagePage } from "./inbox-pages.ts";

export interface CatcherOptions {
  /** 0 picks a free port (tests). */
  smtpPort?: number;
  inboxPort?: number;
  host?: string;
}

export type Catcher = Awaited<ReturnType<typeof startCatcher>>;

/**
 * A real SMTP server that keeps what it receives, with a web inbox to read it and a JSON control
 * API for tests (`/__control/messages`, `/__control/rejections`). The stand-in for a mail server
 * in development and tests, as the Google emulator is for Google.
 */
export async function startCatcher({
  smtpPort = 0,
  inboxPort = 0,
  host = "127.0.0.1",
}: CatcherOptions = {}) {
  const messages: CaughtMessage[] = [];
  /** Recipient address (lowercase) → the 5xx reply its RCPT TO gets. */
  const rejections = new Map<string, string>();
  let acceptedListener: ((message: CaughtMessage) => Promise<void> | void) | undefined;

  const newSmtpServer = () =>
    new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: nodemailer would otherwise upgrade to TLS with a test certificate.
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        const reply = rejections.get(address.address.toLowerCase());
        if (!reply) return callback();
        const [, code = "550", text = reply] = /^(\d{3})\s+(.*)$/.exec(reply) ?? [];
        callback(Object.assign(new Error(text), { responseCode: Number(code) }));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
            const message = toCaughtMessage(messages.length + 1, mail, to);
            messages.push(message);
            await acceptedListener?.(message);
            callback();
          })
          .catch(callback);
      },
    });

  let smtp = newSmtpServer();
  const listenSmtp = (port: number) =>
    new Promise<number>((resolve, reject) => {
      smtp.once("error", reject);
      smtp.listen(port, host, () => resolve((smtp.server.address() as AddressInfo).port));
    });
  const boundSmtpPort = await listenSmtp(smtpPort);
  let smtpUp = true;

  const http = createServer((request, response) => {
    route(request, response).catch((error: Error) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(error.message);
    });
  });
  async function route(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://catcher");
    const json = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const html = (status: number, body: string) =>
      response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
    const path = url.pathname;
    if (path === "/__control/messages") {
      if (request.method === "DELETE") {
        messages.length = 0;
        return json(200, { ok: true });
      }
      return json(200, messages);
    }
    if (path === "/__control/rejections" && request.method === "POST") {
      const body = JSON.parse(await text(request)) as { address: string; reply?: string };
      rejections.set(body.address.toLowerCase(), body.reply ?? DEFAULT_REJECTION);
      return json(200, { ok: true });
    }
    if (path === "/") return html(200, inboxPage(messages));
    const match = /^\/messages\/(\d+)(?:\/attachments\/(\d+))?$/.exec(path);
    const message = match && messages.find((m) => m.id === Number(match[1]));
    if (!match || !message)
      return html(404, "<!doctype html><title>Not found</title><h1>Not found</h1>");
    if (match[2] === undefined) return html(200, messagePage(message));
    const attachment = message.attachments[Number(match[2])];
    if (!attachment) return html(404, "<!doctype html><title>Not found</title><h1>Not found</h1>");
    response
      .writeHead(200, {
        "content-type": attachment.contentType,
        "content-disposition": `attachment; filename="${(attachment.filename ?? "attachment").replace(/"/g, "")}"`,
      })
      .end(attachment.content);
  }
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(inboxPort, host, resolve);
  });
  const boundInboxPort = (http.address() as AddressInfo).port;

  const closeSmtp = () => new Promise<void>((resolve) => smtp.close(() => resolve()));

  return {
    smtpUrl: `smtp://${host}:${boundSmtpPort}`,
    inboxUrl: `http://${host}:${boundInboxPort}`,
    messages: (): CaughtMessage[] => [...messages],
    clear() {
      messages.length = 0;
      rejections.clear();
      acceptedListener = undefined;
    },
    /**
     * Runs after a message is kept and before the server's 250 reply goes out: the instant a
     * sender's SMTP transaction is done on the server's side but not yet on the sender's.
     */
    whenAccepted(listener: ((message: CaughtMessage) => Promise<void> | void) | undefined) {
      acceptedListener = listener;
    },
    /** RCPT TO for this address is refused with `reply` ("550 5.1.1 …"): a permanent rejection. */
    reject(address: string, reply = DEFAULT_REJECTION) {
      rejections.set(address.toLowerCase(), reply);
    },
    /** The mail server goes away: connections to its port are refused until `startSmtp`. */
    async stopSmtp() {
      if (!smtpUp) return;
      smtpUp = false;
      await closeSmtp();
    },
    /** Back on the same port. */
    async startSmtp() {
      if (smtpUp) return;
      smtp = newSmtpServer();
      await listenSmtp(boundSmtpPort);
      smtpUp = true;
    },
    async close() {
      if (smtpUp) await closeSmtp();
      smtpUp = false;
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

const DEFAULT_REJECTION = "550 5.1.1 Mailbox unavailable";
