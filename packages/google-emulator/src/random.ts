import { randomBytes, randomInt } from "node:crypto";

const base32hex = "0123456789abcdefghijklmnopqrstuv";
const lowercase = "abcdefghijklmnopqrstuvwxyz";

function pick(alphabet: string, length: number): string {
  let result = "";
  for (let i = 0; i < length; i++) result += alphabet[randomInt(alphabet.length)];
  return result;
}

/** Opaque secrets shaped like Google's, so code that logs or stores them sees realistic values. */
export function secret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function eventId(): string {
  return pick(base32hex, 26);
}

export function meetCode(): string {
  return `${pick(lowercase, 3)}-${pick(lowercase, 4)}-${pick(lowercase, 3)}`;
}

export function subject(): string {
  return "1" + pick("0123456789", 20);
}

export function calendarId(): string {
  return `${pick(base32hex, 26)}@group.calendar.google.com`;
}

export function channelResourceId(): string {
  return randomBytes(20).toString("base64url");
}
