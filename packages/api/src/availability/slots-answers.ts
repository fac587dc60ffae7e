import { HostKeyedCache } from "./host-keyed-cache.ts";
import type { Clock } from "../lib/clock.ts";

/** A slots question whose answer is the same for every caller: no booking being moved. */
export interface SlotQuestion {
  hostSlug: string;
  packageId: string;
  from: Date;
  to: Date;
}

export const slotsAnswerKey = ({ hostSlug, packageId, from, to }: SlotQuestion) =>
  `${hostSlug} ${packageId} ${from.toISOString()} ${to.toISOString()}`;

/**
 * `availability.slots` answers as the bytes sent, per question (`slotsAnswerKey`), so a repeat
 * view is written straight to the wire (cached-slots-http.ts): no query, no slot generation, no
 * JSON. Bounded by `maxBytes` (least recently used go first). An answer lasts until its
 * `validUntil` (slots-answer-expiry.ts) or its host changes (host-changed.ts), whichever comes
 * first; one computed while its host changed is not kept (host-keyed-cache.ts).
 */
export class SlotsAnswers extends HostKeyedCache<Buffer> {
  /** `hearsChanges`: whether changes made by other processes reach this one now. */
  constructor(
    clock: Clock,
    hearsChanges: () => boolean,
    { maxBytes = 32 * 2 ** 20, maxHosts = 10_000 } = {},
  ) {
    super(clock, hearsChanges, {
      maxSize: maxBytes,
      sizeOf: (body, key) => body.length + key.length,
      maxHosts,
    });
  }
}
