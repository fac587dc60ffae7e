import { createGoogle, googleEndpoints, type GoogleSettings } from "@timetap/google";
import type { Emulator } from "@timetap/google-emulator";
import type { Config } from "./config.ts";

const LOCAL_CLIENT = { clientId: "timetap-local", clientSecret: "timetap-local-secret" };

/**
 * The Google client TimeTap talks through. Without configured credentials (development), the web
 * server starts a Google emulator in its process and everything Google-shaped goes to it; a
 * separate worker process uses that same emulator.
 */
export async function createGoogleForApp(
  role: "web" | "worker",
  { appUrl, googleSettings, localEmulatorPort }: Config,
  onCall?: GoogleSettings["onCall"],
): Promise<{
  google: ReturnType<typeof createGoogle>;
  emulator?: Emulator;
  /** For the startup log line: which Google this process talks to. */
  where: string;
}> {
  const settings = googleSettings();
  const redirectUri = `${appUrl}/auth/google/callback`;
  const common = { redirectUri, onCall };
  if (settings.mode === "configured") {
    return {
      google: createGoogle({ ...settings, ...common }),
      where: settings.baseUrl ?? "google",
    };
  }
  if (role === "worker") {
    const baseUrl = `http://127.0.0.1:${localEmulatorPort}`;
    return {
      google: createGoogle({ ...LOCAL_CLIENT, ...common, baseUrl }),
      where: `emulator at ${baseUrl}`,
    };
  }
  // Loaded only here, in development: a production process never carries the emulator.
  const { startEmulator } = await import("@timetap/google-emulator");
  const emulator = await startEmulator({ port: localEmulatorPort, host: "127.0.0.1" });
  return {
    google: createGoogle({ ...LOCAL_CLIENT, ...common, baseUrl: emulator.url }),
    emulator,
    where: `emulator at ${emulator.url}`,
  };
}

/** Where signing in sends the browser: Google's consent page, or the local emulator's. */
export function googleAuthorizationOrigin({ googleSettings, localEmulatorPort }: Config): string {
  const settings = googleSettings();
  const baseUrl =
    settings.mode === "configured" ? settings.baseUrl : `http://127.0.0.1:${localEmulatorPort}`;
  return new URL(googleEndpoints(baseUrl).authUrl).origin;
}
