import { createMailer, type Mailer } from "@timetap/email";
import type { Catcher } from "@timetap/email/catcher";
import type { Config } from "./config.ts";

/**
 * The mailer TimeTap sends through. Without SMTP_URL (development), the web server starts the
 * mail catcher on loopback and every email lands in its inbox; a separate worker process sends
 * to that same catcher.
 */
export async function createMailerForApp(
  role: "web" | "worker",
  { mailSettings }: Config,
): Promise<{
  mailer: Mailer;
  catcher?: Catcher;
  /** The catcher's web inbox, linked from the pages in development. */
  inboxUrl?: string;
  /** For the startup log line: where this process's emails go. */
  where: string;
}> {
  const settings = mailSettings();
  if (settings.mode === "configured") {
    return {
      mailer: createMailer(settings),
      where: new URL(settings.smtpUrl).host,
    };
  }
  const inboxUrl = `http://127.0.0.1:${settings.inboxPort}`;
  if (role === "worker") {
    const smtpUrl = `smtp://127.0.0.1:${settings.smtpPort}`;
    return {
      mailer: createMailer({ smtpUrl, from: settings.from }),
      where: `catcher at ${smtpUrl}`,
    };
  }
  // Loaded only here, in development: the catcher's SMTP server and mail parser are ~20 MB.
  const { startCatcher } = await import("@timetap/email/catcher");
  const catcher = await startCatcher({
    smtpPort: settings.smtpPort,
    inboxPort: settings.inboxPort,
  });
  return {
    mailer: createMailer({ smtpUrl: catcher.smtpUrl, from: settings.from }),
    catcher,
    inboxUrl,
    where: `catcher at ${catcher.smtpUrl}, inbox at ${inboxUrl}`,
  };
}
