import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { SignedInSessions } from "~/components/signed-in-sessions";
import { SubmitButton } from "~/components/submit-button";
import { loadHostSessions, signOutEverywhere } from "~/host-sessions.server";

export const meta: MetaFunction = () => [{ title: "Signed-in devices — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadHostSessions(args);

export const action = (args: ActionFunctionArgs) => signOutEverywhere(args);

export default function SessionsPage() {
  const { sessions, timeZone } = useLoaderData<typeof loader>();
  const pending = useNavigation().state === "submitting";
  return (
    <section className="rounded-lg border border-tt-border bg-tt-surface p-6">
      <Link to="/dashboard" className="text-sm text-tt-primary underline">
        ← Dashboard
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">Signed-in devices</h1>
      <p className="mt-1 text-sm text-tt-text-muted">
        Each browser you signed in with. A session ends after 30 days without use.
      </p>
      <SignedInSessions sessions={sessions} timeZone={timeZone} />
      <Form method="post" className="mt-6">
        <SubmitButton pending={pending} pendingLabel="Signing out…">
          Sign out everywhere
        </SubmitButton>
      </Form>
    </section>
  );
}
