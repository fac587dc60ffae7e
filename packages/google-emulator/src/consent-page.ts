import { authorizationRequestFields, type AuthorizationRequest } from "./authorization-request.ts";
import { isCalendarScope } from "./scopes.ts";
import type { EmulatorUser } from "./types.ts";

export const consentDecisionPath = "/o/oauth2/v2/auth/decision";

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}label{display:block;margin-top:1rem}
input{width:100%;padding:.4rem}input[type=checkbox]{width:auto}button{margin:1.5rem .5rem 0 0;padding:.5rem 1.5rem}.error{color:#b00}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function consentPage(
  request: AuthorizationRequest,
  knownUsers: EmulatorUser[],
  error?: string,
): string {
  const hidden = Object.entries(authorizationRequestFields(request))
    .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
    .join("\n");
  const options = knownUsers
    .map((u) => `<option value="${escape(u.email)}">${escape(u.name)}</option>`)
    .join("");
  const scopes = request.scopes.map((s) => `<li>${escape(s)}</li>`).join("");
  // "Account id" is the account's `sub`: a second account with an email already in use, or the
  // same account reporting a new email. Google lets the user untick calendar access while still
  // signing in; the hidden field says "withheld" when the checkbox (later, so it wins) is unticked.
  const calendarChoice = request.scopes.some(isCalendarScope)
    ? `<input type="hidden" name="calendar" value="withheld">
<label><input type="checkbox" name="calendar" value="granted" checked> Allow this app to manage your calendar</label>`
    : "";
  return page(
    "Sign in - Google Accounts (emulator)",
    `<h1>Choose an account</h1>
<p>to continue to <strong>${escape(request.clientId)}</strong>, which asks for:</p>
<ul>${scopes}</ul>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post" action="${consentDecisionPath}">
${hidden}
<label for="email">Email</label>
<input id="email" name="email" type="email" list="known-accounts" autocomplete="off" value="${escape(request.loginHint ?? "")}">
<datalist id="known-accounts">${options}</datalist>
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="off">
<label for="sub">Account id (optional)</label>
<input id="sub" name="sub" type="text" autocomplete="off">
${calendarChoice}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form>`,
  );
}

export function authorizationErrorPage(error: string, message: string): string {
  return page(
    "Error - Google Accounts (emulator)",
    `<h1>Access blocked: authorization error</h1>
<p>${escape(message)}</p>
<p>Error 400: <code>${escape(error)}</code></p>`,
  );
}
