import { Link, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A dashboard settings page: the way back, its heading and what it is for, and after a save (the
 * action redirects with `?saved`, whose value may name what was saved) the sentence saying so,
 * unless the save came back refused.
 */
export function SettingsPage({
  title,
  intro,
  savedMessage,
  refused,
  narrow = false,
  children,
}: {
  title: string;
  intro: ReactNode;
  savedMessage: string | ((saved: string) => string);
  refused: boolean;
  narrow?: boolean;
  children: ReactNode;
}) {
  const saved = useSearchParams()[0].get("saved");
  return (
    <section
      className={`${narrow ? "max-w-2xl " : ""}space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6`}
    >
      <div>
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
          ← Dashboard
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-tt-text-muted">{intro}</p>
        {saved !== null && !refused ? (
          <p role="status" className="mt-3 text-sm text-tt-success">
            {typeof savedMessage === "string" ? savedMessage : savedMessage(saved)}
          </p>
        ) : null}
      </div>
      {children}
    </section>
  );
}

/** Whether the page's form is on its way to the server. */
export const useSaving = () => useNavigation().state === "submitting";
