import type { GoogleClient } from "@timetap/google";
import type { Emulator } from "@timetap/google-emulator";

/** The consent page's choices: another account with the same email, the calendar box unticked. */
interface ConsentChoices {
  email: string;
  name: string;
  sub?: string;
  withholdCalendar?: boolean;
}

/**
 * Plays the host's part on the emulator's consent page (what the browser does in e2e) and returns
 * the `code` Google would hand back to the callback.
 */
export async function consentAndGetCode(
  google: GoogleClient,
  emulator: Emulator,
  account: ConsentChoices,
  options: { state?: string; codeChallenge?: string } = {},
): Promise<string> {
  const { state = "test-state-0123456789", codeChallenge } = options;
  const authUrl = new URL(google.authorizationUrl(state, codeChallenge));
  const body = new URLSearchParams({
    ...Object.fromEntries(authUrl.searchParams),
    email: account.email,
    name: account.name,
    sub: account.sub ?? "",
    calendar: account.withholdCalendar ? "withheld" : "granted",
    decision: "allow",
  });
  const response = await fetch(`${emulator.url}/o/oauth2/v2/auth/decision`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });
  const code = new URL(response.headers.get("location") ?? "http://invalid/").searchParams.get(
    "code",
  );
  if (!code) throw new Error(`The emulator's consent gave no code (status ${response.status}).`);
  return code;
}
