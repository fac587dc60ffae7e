import type { Invitation, RecordedRequest } from "./types.ts";

/** What the emulator saw and what Google would have emailed, for tests to assert on. */
export class Journal {
  private readonly received: RecordedRequest[] = [];
  private readonly sent: Invitation[] = [];

  reset(): void {
    this.received.length = 0;
    this.sent.length = 0;
  }

  record(request: RecordedRequest): void {
    this.received.push(request);
  }

  invite(invitation: Invitation): void {
    this.sent.push(invitation);
  }

  requests(): RecordedRequest[] {
    return structuredClone(this.received);
  }

  invitations(): Invitation[] {
    return structuredClone(this.sent);
  }
}
