import type { Calendar } from "./calendar-store.ts";
import { GoogleError } from "./google-error.ts";

/** Google refuses these together with a sync token: the token already fixes what is listed. */
const notWithSyncToken = [
  "iCalUID",
  "orderBy",
  "privateExtendedProperty",
  "q",
  "sharedExtendedProperty",
  "timeMin",
  "timeMax",
  "updatedMin",
];

/** "Every change after this one", bound to its calendar so another calendar's token fails. */
export function syncTokenFor(calendar: Calendar): string {
  return Buffer.from(`${calendar.id}|${calendar.version}`).toString("base64url");
}

/** A page of a sync carries the sync token, so the next page needs only the page token. */
export function pagedSyncToken(offset: number, syncToken: string | null): string {
  return syncToken === null ? String(offset) : `${offset}~${syncToken}`;
}

/** The change count a token stands for; an unknown token means the client must list everything again. */
export function changesSince(calendar: Calendar, token: string, query: URLSearchParams): number {
  for (const name of notWithSyncToken) {
    if (query.has(name))
      throw new GoogleError(400, "invalid", `${name} cannot be used together with syncToken.`);
  }
  const [id, version] = Buffer.from(token, "base64url").toString("utf8").split("|");
  const since = Number(version);
  if (id !== calendar.id || !Number.isInteger(since) || since < 0 || since > calendar.version)
    throw new GoogleError(
      410,
      "fullSyncRequired",
      "Sync token is no longer valid, a full sync is required.",
    );
  return since;
}
