import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { DevInboxLink } from "~/components/dev-inbox-link";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  return {
    host: await (await apiFor(context, request)).host.me(),
    inboxUrl: context.devInboxUrl ?? null,
  };
}

export default function DashboardLayout() {
  const { host, inboxUrl } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <div className="flex items-center justify-between border-b border-tt-border pb-4">
        <div>
          <Link to="/dashboard" className="text-xl font-semibold">
            Dashboard
          </Link>
          <p className="text-sm text-tt-text-muted">Signed in as {host.email}</p>
        </div>
        <div className="flex items-center gap-4">
          <DevInboxLink inboxUrl={inboxUrl} />
          <Link to="/dashboard/sessions" className="text-sm text-tt-text-muted underline">
            Signed-in devices
          </Link>
          <Form method="post" action="/logout">
            <button type="submit" className="text-sm text-tt-text-muted underline">
              Sign out
            </button>
          </Form>
        </div>
      </div>
      <Outlet />
    </div>
  );
}
