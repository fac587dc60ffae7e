import type { ReactNode } from "react";

/** What a limit does, in a coach's words, read out with its control (see `limitControl`). */
export function LimitAbout({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-about`} className="text-xs text-tt-text-muted">
      {children}
    </p>
  );
}
