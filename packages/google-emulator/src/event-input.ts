import type { Attendee, EventStatus } from "./calendar-store.ts";
import { GoogleError } from "./google-error.ts";
import { asRecord } from "./http.ts";

const eventIdPattern = /^[a-v0-9]{5,1024}$/;
const emailPattern = /^[^\s@]+@[^\s@]+$/;
const statuses: readonly string[] = ["confirmed", "tentative", "cancelled"];
const responseStatuses: readonly string[] = ["needsAction", "declined", "tentative", "accepted"];

export function validateEventId(id: unknown): string {
  if (typeof id !== "string" || !eventIdPattern.test(id)) {
    throw new GoogleError(400, "invalid", "Invalid resource id value.");
  }
  return id;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new GoogleError(400, "invalid", `Invalid value for: ${key}`);
  return value;
}

export function parseStatus(value: unknown): EventStatus {
  if (typeof value !== "string" || !statuses.includes(value)) {
    throw new GoogleError(400, "invalid", "Invalid value for: status");
  }
  return value as EventStatus;
}

export function parseTransparency(value: unknown): string {
  if (value !== "opaque" && value !== "transparent") {
    throw new GoogleError(400, "invalid", "Invalid value for: transparency");
  }
  return value;
}

export function parseAttendees(value: unknown): Attendee[] {
  if (!Array.isArray(value)) throw new GoogleError(400, "invalid", "Invalid value for: attendees");
  return value.map((item) => {
    const attendee = asRecord(item);
    const email = attendee?.["email"];
    if (typeof email !== "string" || email === "") {
      throw new GoogleError(400, "required", "Missing attendee email.");
    }
    if (!emailPattern.test(email)) throw new GoogleError(400, "invalid", "Invalid attendee email.");
    const result: Attendee = { email: email.toLowerCase(), responseStatus: "needsAction" };
    if (typeof attendee?.["displayName"] === "string") result.displayName = attendee["displayName"];
    if (attendee?.["optional"] === true) result.optional = true;
    const responseStatus = attendee?.["responseStatus"];
    if (typeof responseStatus === "string" && responseStatuses.includes(responseStatus)) {
      result.responseStatus = responseStatus;
    }
    return result;
  });
}

function stringMap(value: unknown, key: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const record = asRecord(value);
  if (!record)
    throw new GoogleError(400, "invalid", `Invalid value for: extendedProperties.${key}`);
  const result: Record<string, string> = {};
  for (const [name, v] of Object.entries(record)) {
    if (typeof v !== "string")
      throw new GoogleError(400, "invalid", `Invalid value for: extendedProperties.${key}`);
    result[name] = v;
  }
  return result;
}

/** Patch semantics for extendedProperties: keys are merged into the existing maps. */
export function mergeExtendedProperties(
  current: { private?: Record<string, string>; shared?: Record<string, string> } | undefined,
  value: unknown,
): { private?: Record<string, string>; shared?: Record<string, string> } {
  const record = asRecord(value);
  if (!record) throw new GoogleError(400, "invalid", "Invalid value for: extendedProperties");
  const privateProps = stringMap(record["private"], "private");
  const sharedProps = stringMap(record["shared"], "shared");
  const result = { ...current };
  if (privateProps) result.private = { ...current?.private, ...privateProps };
  if (sharedProps) result.shared = { ...current?.shared, ...sharedProps };
  return result;
}

/** The requestId of a Meet createRequest; only hangoutsMeet is accepted, as for a Workspace-less account. */
export function parseCreateRequest(conferenceData: unknown): string | undefined {
  const createRequest = asRecord(asRecord(conferenceData)?.["createRequest"]);
  if (!createRequest) return undefined;
  const type = asRecord(createRequest["conferenceSolutionKey"])?.["type"];
  if (type !== "hangoutsMeet")
    throw new GoogleError(400, "invalid", "Invalid conference type value.");
  const requestId = createRequest["requestId"];
  if (typeof requestId !== "string" || requestId === "") {
    throw new GoogleError(400, "invalid", "Invalid conference create request.");
  }
  return requestId;
}

export type SendUpdates = "all" | "externalOnly" | "none";

export function parseSendUpdates(query: URLSearchParams): SendUpdates {
  const value = query.get("sendUpdates");
  if (value === null) return query.get("sendNotifications") === "true" ? "all" : "none";
  if (value === "all" || value === "externalOnly" || value === "none") return value;
  throw new GoogleError(400, "invalid", `Invalid value for: sendUpdates`);
}
