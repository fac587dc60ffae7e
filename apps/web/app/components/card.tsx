import { useId, type ReactNode } from "react";

/**
 * A card of the dashboard: a section named by its own heading, so assistive technology lists it
 * as a region. `aside` sits on the heading's line (a status badge, say).
 */
export function Card({
  title,
  aside,
  className = "",
  children,
}: {
  title: string;
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const heading = (
    <h2 id={headingId} className="text-lg font-semibold">
      {title}
    </h2>
  );
  return (
    <section
      className={`rounded-lg border border-tt-border bg-tt-surface p-6 ${className}`}
      aria-labelledby={headingId}
    >
      {aside ? (
        <div className="flex items-center gap-3">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
