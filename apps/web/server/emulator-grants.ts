import { connectCalendar, type ApiDeps } from "@timetap/api";
import { DEMO_HOST } from "@timetap/db";

/**
 * Connects a host's calendar with a refresh token an emulator issued, as if the host had gone
 * through Google's consent: the local run and e2e then book with real Meet links.
 */
export async function connectEmulatorCalendar(api: ApiDeps, email: string, refreshToken: string) {
  const host = await api.db.host.findUniqueOrThrow({ where: { email } });
  await connectCalendar(api, host.id, refreshToken);
}

/** Asks a running emulator (its HTTP control API) for a refresh token of the demo host. */
export async function issueDemoRefreshToken(emulatorUrl: string): Promise<string> {
  const response = await fetch(`${emulatorUrl}/__control/refresh-tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: DEMO_HOST.email, name: DEMO_HOST.name }),
  });
  if (!response.ok) throw new Error(`The emulator at ${emulatorUrl} answered ${response.status}.`);
  return ((await response.json()) as { refreshToken: string }).refreshToken;
}
