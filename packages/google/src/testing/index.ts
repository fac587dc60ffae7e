import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type Emulator } from "@timetap/google-emulator";
import { createGoogle } from "../google.ts";
import type { GoogleSettings } from "../settings.ts";

export const clientSettings = {
  clientId: "timetap-test.apps.googleusercontent.com",
  clientSecret: "timetap-test-secret",
  redirectUri: "http://timetap.test/auth/google/callback",
};

export const hostEmail = "host@example.com";

export async function startTestEmulator(): Promise<Emulator> {
  return startEmulator({ port: 0 });
}

export function googleFor(emulator: Emulator, settings: Partial<GoogleSettings> = {}) {
  return createGoogle({
    ...clientSettings,
    baseUrl: emulator.url,
    timeoutMs: 2000,
    conferenceWaitMs: 3000,
    ...settings,
  });
}

/** Submits the emulator's consent form for an authorization URL, as the browser would. */
export async function consentTo(
  authorizationUrl: string,
  email: string,
  name: string,
  fields: Record<string, string> = {},
): Promise<URL> {
  const url = new URL(authorizationUrl);
  const res = await fetch(new URL("/o/oauth2/v2/auth/decision", url.origin), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      ...Object.fromEntries(url.searchParams),
      email,
      name,
      decision: "allow",
      ...fields,
    }).toString(),
    redirect: "manual",
  });
  return new URL(res.headers.get("location") ?? "");
}

/** A stand-in for TimeTap's webhook: records every notification's Google headers. */
export async function startWebhookReceiver(status = 204) {
  const received: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    received.push(
      Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            entry[0].startsWith("x-goog-") && typeof entry[1] === "string",
        ),
      ),
    );
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/google/calendar`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
