import { Form } from "@remix-run/react";
import type { AppRouter, inferRouterOutputs } from "@timetap/api";
import { Card } from "./card";
import { Field } from "./field";

type ApiKey = inferRouterOutputs<AppRouter>["host"]["apiKeys"][number];
export type CreatedApiKey = inferRouterOutputs<AppRouter>["host"]["createApiKey"];
/** What each scope lets a key do, as the API words it (the loader passes them on). */
export type ScopeLabels = Record<ApiKey["scopes"][number], string>;
/** Why a new key could not be made, by the field the host fixes it in. */
export type ApiKeyErrors = { name?: string; scopes?: string; expiresInDays?: string };

const expiryChoices = [
  { days: "", label: "Never" },
  { days: "7", label: "In 7 days" },
  { days: "30", label: "In 30 days" },
  { days: "90", label: "In 90 days" },
  { days: "365", label: "In a year" },
];

const formatDay = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(
    date,
  );

/**
 * The host's keys for other apps (`createTimeTapClient(url, { apiKey })`), each allowed only
 * what the host ticked and, if they chose, until a date. A new key is shown once, right after it
 * is made; afterwards only its name, scopes and dates are known.
 */
export function ApiKeysCard({
  keys,
  scopeLabels,
  created,
  errors = {},
}: {
  keys: ApiKey[];
  scopeLabels: ScopeLabels;
  created?: CreatedApiKey | undefined;
  errors?: ApiKeyErrors | undefined;
}) {
  const scopes = Object.entries(scopeLabels) as Array<[keyof ScopeLabels, string]>;
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
                  May: {key.scopes.map((scope) => scopeLabels[scope].toLowerCase()).join(", ")}
                </p>
                <p className="text-tt-text-muted">
                  Created {formatDay(key.createdAt)} ·{" "}
                  {key.lastUsedAt ? `last used ${formatDay(key.lastUsedAt)}` : "never used"} ·{" "}
                  {key.expiresAt ? `expires ${formatDay(key.expiresAt)}` : "never expires"}
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
          <Field id="keyName" label="New key's name" error={errors.name}>
            <input
              id="keyName"
              name="keyName"
              required
              maxLength={60}
              placeholder="CRM sync"
              aria-invalid={Boolean(errors.name)}
              aria-describedby={errors.name ? "keyName-error" : undefined}
              className="w-full rounded-md border border-tt-border px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger"
            />
          </Field>
        </div>
        <div className="min-w-40">
          <Field id="keyExpiry" label="Expires" error={errors.expiresInDays}>
            <select
              id="keyExpiry"
              name="expiresInDays"
              aria-invalid={Boolean(errors.expiresInDays)}
              aria-describedby={errors.expiresInDays ? "keyExpiry-error" : undefined}
              className="w-full rounded-md border border-tt-border px-3 py-2 text-sm aria-[invalid=true]:border-tt-danger"
            >
              {expiryChoices.map((choice) => (
                <option key={choice.days} value={choice.days}>
                  {choice.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <fieldset
          className="w-full"
          aria-invalid={Boolean(errors.scopes)}
          aria-describedby={errors.scopes ? "keyScopes-error" : undefined}
        >
          <legend className="text-sm font-medium">What the key may do</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {scopes.map(([scope, label]) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={scope} defaultChecked />
                {label}
              </label>
            ))}
          </div>
          {errors.scopes ? (
            <p id="keyScopes-error" className="mt-1 text-sm text-tt-danger">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
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
