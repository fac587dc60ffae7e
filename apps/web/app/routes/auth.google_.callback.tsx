import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { completeGoogleSignIn } from "~/google-sign-in.server";

export const meta: MetaFunction = () => [{ title: "Sign in — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => completeGoogleSignIn(args);

export default function GoogleCallbackFailure() {
  const failure = useLoaderData<typeof loader>();
  return (
    <section
      className="mx-auto max-w-md rounded-lg border border-tt-border bg-tt-surface p-8 text-center"
      role="alert"
    >
      <h1 className="text-2xl font-semibold">{failure.title}</h1>
      <p className="mt-2 text-tt-text-muted">{failure.detail}</p>
      <Link to="/login" className="mt-6 inline-block text-tt-primary underline">
        Back to sign in
      </Link>
    </section>
  );
}
