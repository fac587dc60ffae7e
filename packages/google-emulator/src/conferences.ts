import type { Clock } from "./clock.ts";
import { meetCode } from "./random.ts";
import type { PendingConferenceSpec } from "./types.ts";

export interface Conference {
  requestId: string;
  code: string;
  pendingPolls: number;
  pendingUntil: number;
}

/** Meet conferences of one calendar, keyed by createRequest.requestId as Google deduplicates them. */
export class Conferences {
  private readonly byRequestId = new Map<string, Conference>();

  constructor(
    private readonly clock: Clock,
    private readonly pending: PendingPolicy,
  ) {}

  obtain(requestId: string): Conference {
    const existing = this.byRequestId.get(requestId);
    if (existing) return existing;
    const { polls, ms } = this.pending.take();
    const conference = {
      requestId,
      code: meetCode(),
      pendingPolls: polls,
      pendingUntil: this.clock.now() + ms,
    };
    this.byRequestId.set(requestId, conference);
    return conference;
  }

  isPending(conference: Conference): boolean {
    return conference.pendingPolls > 0 || conference.pendingUntil > this.clock.now();
  }
}

/** How long the next conferences stay pending, as set by conferencePending(). */
export class PendingPolicy {
  private spec: PendingConferenceSpec | undefined;

  set(spec: PendingConferenceSpec): void {
    this.spec = { ...spec };
  }

  reset(): void {
    this.spec = undefined;
  }

  take(): { polls: number; ms: number } {
    const spec = this.spec;
    if (!spec || spec.count === 0) return { polls: 0, ms: 0 };
    if (spec.count !== undefined) spec.count -= 1;
    return { polls: spec.polls ?? 0, ms: spec.ms ?? 0 };
  }
}
