import type { FailureSpec, Operation } from "./types.ts";

interface QueuedFailure {
  remaining: number;
  status: number;
  reason: string;
  message: string | undefined;
}

/** Fault injection per operation: queued failures, added latency and requests left unanswered. */
export class Faults {
  private readonly failures = new Map<Operation, QueuedFailure[]>();
  private readonly latencies = new Map<Operation, number>();
  private readonly hangs = new Map<Operation, number>();

  reset(): void {
    this.failures.clear();
    this.latencies.clear();
    this.hangs.clear();
  }

  failNext(operation: Operation, failure: FailureSpec): void {
    const queue = this.failures.get(operation) ?? [];
    queue.push({
      remaining: failure.count ?? 1,
      status: failure.status,
      reason: failure.reason,
      message: failure.message,
    });
    this.failures.set(operation, queue);
  }

  setLatency(operation: Operation, ms: number): void {
    this.latencies.set(operation, ms);
  }

  hang(operation: Operation, count: number): void {
    this.hangs.set(operation, (this.hangs.get(operation) ?? 0) + count);
  }

  latency(operation: Operation): number {
    return this.latencies.get(operation) ?? 0;
  }

  takeHang(operation: Operation): boolean {
    const remaining = this.hangs.get(operation) ?? 0;
    if (remaining <= 0) return false;
    this.hangs.set(operation, remaining - 1);
    return true;
  }

  takeFailure(operation: Operation): Omit<QueuedFailure, "remaining"> | undefined {
    const queue = this.failures.get(operation);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return { status: next.status, reason: next.reason, message: next.message };
  }
}
