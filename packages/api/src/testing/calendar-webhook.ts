import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { receiveCalendarNotification } from "../calendar-push/calendar-notification.ts";
import type { ApiDeps } from "../deps.ts";

/**
 * The web server's webhook at its smallest, for the emulator to push to: Google's headers in,
 * 204 or 404 out, every notification's headers kept. `deps` is read per request, as the harness
 * exists only once tests run.
 */
export async function startCalendarWebhook(deps: () => ApiDeps) {
  const received: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    const headers = req.headers as Record<string, string>;
    received.push(headers);
    void receiveCalendarNotification(deps(), {
      channelId: headers["x-goog-channel-id"] ?? null,
      token: headers["x-goog-channel-token"] ?? null,
      resourceId: headers["x-goog-resource-id"] ?? null,
      resourceState: headers["x-goog-resource-state"] ?? null,
    }).then((outcome) => res.writeHead(outcome === "accepted" ? 204 : 404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
