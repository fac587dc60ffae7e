import { Form } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { Card } from "./card";
import { Field } from "./field";

type ApiKey = inferRouterOutputs<AppRouter>["host"]["apiKeys"][number];
export type CreatedApiKey = inferRouterOutputs<AppRouter>["host"]["createApiKey"];

const formatDay = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(
    date,
  );

/**
 * The host's keys for other apps (`createTimeTapClient(url, { apiKey })`). A new key is shown
 * once, right after it is made; afterwards only its name and dates are known.
 */
export function ApiKeysCard({
  keys,
  created,
  error,
}: {
  keys: ApiKey[];
  created?: CreatedApiKey | undefined;
  error?: string | undefined;
}) {
  return (
    <Card title="API keys">
      <p className="mt-1 text-sm text-tt-text-muted">
        Let another app read and manage your bookings through TimeTap&apos;s API.
      </p>
      {created ? (
        <div role="status" className="mt-4 rounded-md bg-tt-success-soft p-4 text-sm">
          <p className="font-medium">
            Your new key “{created.name}”. Copy it now: it will not be shown again.
          </p>
          <code className="mt-2 block select-all break-all font-mono">{created.key}</code>
        </div>
      ) : null}
      {keys.length > 0 ? (
        <ul className="mt-4 divide-y divide-tt-border text-sm">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <p className="font-medium">{key.name}</p>
                <p className="text-tt-text-muted">
                  Created {formatDay(key.createdAt)} ·{" "}
                  {key.lastUsedAt ? `last used ${formatDay(key.lastUsedAt)}` : "never used"}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="keyId" value={key.id} />
                <button
                  type="submit"
                  name="intent"
                  value="revoke-key"
                  aria-label={`Revoke ${key.name}`}
                  className="text-tt-text-muted hover:text-tt-danger"
                >
                  Revoke
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-56 flex-1">
          <Field id="keyName" label="New key's name" error={error}>
            <input
              id="keyName"
              name="keyName"
              required
              maxLength={60}
              placeholder="CRM sync"
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "keyName-error" : undefined}
              className="w-full rounded-md border border-tt-border px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger"
            />
          </Field>
        </div>
        <button
          type="submit"
          name="intent"
          value="create-key"
          className="rounded-md border border-tt-border px-4 py-2 text-sm font-medium hover:bg-tt-background"
        >
          Create key
        </button>
      </Form>
    </Card>
  );
}
