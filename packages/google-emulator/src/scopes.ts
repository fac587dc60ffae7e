const calendarScope = "https://www.googleapis.com/auth/calendar";

export const defaultScopes = [
  "openid",
  "https://www.googleapis.com/auth/userinfo.email",
  "https://www.googleapis.com/auth/userinfo.profile",
  `${calendarScope}.events`,
  `${calendarScope}.freebusy`,
  `${calendarScope}.calendarlist.readonly`,
];

/** Scopes that allow writing events, as documented for events.insert/patch/delete. */
export const eventWriteScopes = [calendarScope, `${calendarScope}.events`];

/** Scopes that allow reading events, as documented for events.get/list. */
export const eventReadScopes = [
  ...eventWriteScopes,
  `${calendarScope}.readonly`,
  `${calendarScope}.events.readonly`,
];

/** Scopes that allow freebusy.query. */
export const freeBusyScopes = [...eventReadScopes, `${calendarScope}.freebusy`];

/** Scopes that allow calendarList.list. */
export const calendarListScopes = [
  calendarScope,
  `${calendarScope}.readonly`,
  `${calendarScope}.calendarlist`,
  `${calendarScope}.calendarlist.readonly`,
];

/** The scopes the consent page lets the user withhold; sign-in itself cannot be declined in part. */
export function isCalendarScope(scope: string): boolean {
  return scope.startsWith(calendarScope);
}

const shortScopes: Record<string, string> = {
  email: "https://www.googleapis.com/auth/userinfo.email",
  profile: "https://www.googleapis.com/auth/userinfo.profile",
};

/** Google grants the long form of the `email`/`profile` shorthands and rejects unknown scopes. */
export function normalizeScopes(scope: string): string[] | undefined {
  const requested = scope.split(/\s+/).filter((s) => s !== "");
  if (requested.length === 0) return undefined;
  const normalized: string[] = [];
  for (const s of requested) {
    const full = shortScopes[s] ?? s;
    if (full !== "openid" && !full.startsWith("https://www.googleapis.com/auth/")) return undefined;
    if (!normalized.includes(full)) normalized.push(full);
  }
  return normalized;
}
