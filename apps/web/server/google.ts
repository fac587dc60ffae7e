import { createGoogle } from "@timetap/google";
import { startEmulator, type Emulator } from "@timetap/google-emulator";
import { appUrl, googleSettings, localEmulatorPort } from "./config.ts";

const LOCAL_CLIENT = { clientId: "timetap-local", clientSecret: "timetap-local-secret" };

/**
 * The Google client TimeTap talks through. Without configured credentials (development), a Google
 * emulator is started in this process and everything Google-shaped goes to it.
 */
export async function createGoogleForApp(): Promise<{
  google: ReturnType<typeof createGoogle>;
  emulator?: Emulator;
}> {
  const settings = googleSettings();
  const redirectUri = `${appUrl}/auth/google/callback`;
  if (settings.mode === "configured") {
    return { google: createGoogle({ ...settings, redirectUri }) };
  }
  const emulator = await startEmulator({ port: localEmulatorPort, host: "127.0.0.1" });
  return {
    google: createGoogle({ ...LOCAL_CLIENT, redirectUri, baseUrl: emulator.url }),
    emulator,
  };
}
