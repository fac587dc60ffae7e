import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DevInboxLink } from "~/components/dev-inbox-link";

export const meta: MetaFunction = () => [
  { title: "TimeTap — book a session" },
  { name: "description", content: "Book a session with a coach, tutor or consultant." },
];

export function loader({ context }: LoaderFunctionArgs) {
  return { inboxUrl: context.devInboxUrl ?? null };
}

export default function Index() {
  const { inboxUrl } = useLoaderData<typeof loader>();
  return (
    <section className="space-y-6">
      <h1 className="text-4xl font-bold tracking-tight">
        Book sessions that land on the calendar.
      </h1>
      <p className="max-w-2xl text-lg text-tt-text-muted">
        TimeTap lets hosts publish bookable sessions. Every confirmed booking reaches the
        host&apos;s Google Calendar with a Meet link, exactly once.
      </p>
      <div className="flex gap-4">
        <Link
          to="/demo"
          className="rounded-md bg-tt-primary px-5 py-2.5 font-medium text-white hover:bg-tt-primary-hover"
        >
          See a demo host
        </Link>
      </div>
      <DevInboxLink inboxUrl={inboxUrl} />
    </section>
  );
}
