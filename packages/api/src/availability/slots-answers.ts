import { LRUCache } from "lru-cache";
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

interface Answer {
  hostId: string;
  /** The whole HTTP response body, exactly as tRPC writes it for this answer. */
  body: Buffer;
  validUntil: number;
}

/**
 * `availability.slots` answers as the bytes sent, per question (`slotsAnswerKey`), so a repeat
 * view is written straight to the wire (cached-slots-http.ts): no query, no slot generation, no
 * JSON. Bounded by `maxBytes` (least recently used go first). An answer lasts until its
 * `validUntil` (slots-answer-expiry.ts) or its host changes (`dropHost`, host-changed.ts),
 * whichever comes first.
 *
 * An answer computed while its host changed may hold the old state: `remember` is told the
 * `version()` from before the answer was computed and refuses it if the host changed since. The
 * change versions of at most `maxHosts` hosts are kept; an older one counts as changed at the
 * newest version forgotten, which may refuse an answer that was fine but never keeps a stale one.
 */
export class SlotsAnswers {
  readonly #answers: LRUCache<string, Answer>;
  readonly #keysByHost = new Map<string, Set<string>>();
  readonly #changedAt: LRUCache<string, number>;
  readonly #clock: Clock;
  readonly #hearsChanges: () => boolean;
  #version = 0;
  #forgottenChange = 0;

  /** `hearsChanges`: whether changes made by other processes reach this one now. */
  constructor(
    clock: Clock,
    hearsChanges: () => boolean,
    { maxBytes = 32 * 2 ** 20, maxHosts = 10_000 } = {},
  ) {
    this.#clock = clock;
    this.#hearsChanges = hearsChanges;
    this.#answers = new LRUCache<string, Answer>({
      maxSize: maxBytes,
      sizeCalculation: (answer, key) => answer.body.length + key.length,
      dispose: (answer, key) => {
        const keys = this.#keysByHost.get(answer.hostId);
        keys?.delete(key);
        if (keys?.size === 0) this.#keysByHost.delete(answer.hostId);
      },
    });
    this.#changedAt = new LRUCache<string, number>({
      max: maxHosts,
      dispose: (version) => {
        this.#forgottenChange = Math.max(this.#forgottenChange, version);
      },
    });
  }

  /** Tells `remember` which changes came after an answer started being computed. */
  version(): number {
    return this.#version;
  }

  /** The body of the answer to `key`, while it holds. */
  get(key: string): Buffer | undefined {
    const answer = this.#answers.get(key);
    if (!answer) return undefined;
    if (answer.validUntil > this.#clock.now().getTime()) return answer.body;
    this.#answers.delete(key);
    return undefined;
  }

  /**
   * Keeps `body` as the answer to `key` until `validUntil`, unless its host changed since
   * `version` was read, or this process may be missing other processes' changes.
   */
  remember(
    key: string,
    body: () => string,
    answer: { hostId: string; validUntil: Date | null; version: number },
  ): void {
    const { hostId, validUntil, version } = answer;
    if (!validUntil || validUntil.getTime() <= this.#clock.now().getTime()) return;
    const lastChange = Math.max(this.#changedAt.get(hostId) ?? 0, this.#forgottenChange);
    if (lastChange > version || !this.#hearsChanges()) return;
    this.#answers.set(key, {
      hostId,
      body: Buffer.from(body()),
      validUntil: validUntil.getTime(),
    });
    let keys = this.#keysByHost.get(hostId);
    if (!keys) this.#keysByHost.set(hostId, (keys = new Set()));
    keys.add(key);
  }

  /** The host changed: its answers are gone, and answers being computed will not be kept. */
  dropHost(hostId: string): void {
    this.#changedAt.set(hostId, ++this.#version);
    for (const key of [...(this.#keysByHost.get(hostId) ?? [])]) this.#answers.delete(key);
  }

  /** Any host may have changed unheard: every answer is gone, and none being computed is kept. */
  clear(): void {
    this.#forgottenChange = ++this.#version;
    this.#answers.clear();
  }
}
