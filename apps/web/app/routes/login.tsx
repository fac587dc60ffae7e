import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { currentSession } from "~/session.server";

export const meta: MetaFunction = () => [{ title: "Sign in — TimeTap" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (await currentSession(context, request)) throw redirect("/dashboard");
  return null;
}

export default function Login() {
  return (
    <section className="mx-auto max-w-md rounded-lg border border-tt-border bg-tt-surface p-8 text-center">
      <h1 className="text-2xl font-semibold">Sign in as a host</h1>
      <p className="mt-2 text-tt-text-muted">
        TimeTap uses your Google account to sign you in and to put your sessions, with Meet links,
        on your Google Calendar.
      </p>
      <Form method="post" action="/auth/google" className="mt-6">
        <button
          type="submit"
          className="w-full rounded-md bg-tt-primary px-5 py-2.5 font-medium text-white hover:bg-tt-primary-hover"
        >
          Sign in with Google
        </button>
      </Form>
    </section>
  );
}
