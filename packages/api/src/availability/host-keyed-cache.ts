import { LRUCache } from "lru-cache";
import type { Clock } from "../lib/clock.ts";

/**
 * Values computed from a host's data, per key, each until its `validUntil` or until its host
 * changes (`dropHost`, called by host-changed.ts for this process's changes and every other web
 * process's), whichever comes first; bounded, least recently used first.
 *
 * A value computed while its host changed may hold the old state: `remember` is told the
 * `version()` from before the value was computed and refuses it if the host changed since. The
 * change versions of at most `maxHosts` hosts are kept; an older one counts as changed at the
 * newest version forgotten, which may refuse a value that was fine but never keeps a stale one.
 * While other processes' changes may go unheard (`hearsChanges()` false), nothing is kept.
 */
export class HostKeyedCache<V extends object> {
  readonly #values: LRUCache<string, { hostId: string; value: V; validUntil: number }>;
  readonly #keysByHost = new Map<string, Set<string>>();
  readonly #changedAt: LRUCache<string, number>;
  readonly #clock: Clock;
  readonly #hearsChanges: () => boolean;
  #version = 0;
  #forgottenChange = 0;

  /** Bounded by `maxEntries`, or by `maxSize` as measured by `sizeOf`. */
  constructor(
    clock: Clock,
    hearsChanges: () => boolean,
    bound: (
      { maxEntries: number } | { maxSize: number; sizeOf: (value: V, key: string) => number }
    ) & {
      maxHosts?: number;
    },
  ) {
    this.#clock = clock;
    this.#hearsChanges = hearsChanges;
    const { sizeOf } = "sizeOf" in bound ? bound : { sizeOf: undefined };
    this.#values = new LRUCache({
      ...("maxEntries" in bound
        ? { max: bound.maxEntries }
        : { maxSize: bound.maxSize, sizeCalculation: (kept, key) => sizeOf!(kept.value, key) }),
      dispose: (kept, key) => {
        const keys = this.#keysByHost.get(kept.hostId);
        keys?.delete(key);
        if (keys?.size === 0) this.#keysByHost.delete(kept.hostId);
      },
    });
    this.#changedAt = new LRUCache<string, number>({
      max: bound.maxHosts ?? 10_000,
      dispose: (version) => {
        this.#forgottenChange = Math.max(this.#forgottenChange, version);
      },
    });
  }

  /** Tells `remember` which changes came after a value started being computed. */
  version(): number {
    return this.#version;
  }

  /** The value kept for `key`, while it holds. */
  get(key: string): V | undefined {
    const kept = this.#values.get(key);
    if (!kept) return undefined;
    if (kept.validUntil > this.#clock.now().getTime()) return kept.value;
    this.#values.delete(key);
    return undefined;
  }

  /**
   * Keeps `value` for `key` until `validUntil`, unless its host changed since `version` was read,
   * or this process may be missing other processes' changes.
   */
  remember(
    key: string,
    value: () => V,
    kept: { hostId: string; validUntil: Date | null; version: number },
  ): void {
    const { hostId, validUntil, version } = kept;
    if (!validUntil || validUntil.getTime() <= this.#clock.now().getTime()) return;
    const lastChange = Math.max(this.#changedAt.get(hostId) ?? 0, this.#forgottenChange);
    if (lastChange > version || !this.#hearsChanges()) return;
    this.#values.set(key, { hostId, value: value(), validUntil: validUntil.getTime() });
    let keys = this.#keysByHost.get(hostId);
    if (!keys) this.#keysByHost.set(hostId, (keys = new Set()));
    keys.add(key);
  }

  /** The host changed: its values are gone, and values being computed will not be kept. */
  dropHost(hostId: string): void {
    this.#changedAt.set(hostId, ++this.#version);
    for (const key of [...(this.#keysByHost.get(hostId) ?? [])]) this.#values.delete(key);
  }

  /** Any host may have changed unheard: every value is gone, and none being computed is kept. */
  clear(): void {
    this.#forgottenChange = ++this.#version;
    this.#values.clear();
  }
}
