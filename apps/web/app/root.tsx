import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "./components/nonce";
import stylesheet from "./tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// The error pages' title: a route's own title is lost when its loader fails.
export const meta: MetaFunction = ({ error }) => [
  {
    title:
      isRouteErrorResponse(error) && error.status === 404
        ? "Page not found — TimeTap"
        : "Something went wrong — TimeTap",
  },
];

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <header className="border-b border-tt-border bg-tt-surface">
          <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
            <Link to="/" className="text-lg font-semibold text-tt-primary">
              TimeTap
            </Link>
          </div>
        </header>
        <main className="mx-auto max-w-4xl px-6 py-10">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <section className="rounded-lg border border-tt-border bg-tt-surface p-8 text-center">
      <h1 className="text-2xl font-semibold">
        {notFound ? "Page not found" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-tt-text-muted">
        {notFound
          ? "There is nothing at this address. Check the link you were given."
          : "Please try again in a moment."}
      </p>
      <Link to="/" className="mt-6 inline-block text-tt-primary underline">
        Go to the home page
      </Link>
    </section>
  );
}
