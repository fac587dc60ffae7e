import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { EmailSettingsForm } from "~/components/email-settings-form";
import { loadEmailSettings, saveEmailSettings } from "~/email-settings.server";

export const meta: MetaFunction = () => [{ title: "Emails — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadEmailSettings(args);

export const action = (args: ActionFunctionArgs) => saveEmailSettings(args);

export default function EmailSettingsPage() {
  const { settings, hostEmail } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  const saved = useSearchParams()[0].has("saved");
  const saving = useNavigation().state === "submitting";

  return (
    <section className="max-w-2xl space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
      <div>
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
          ← Dashboard
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Emails</h1>
        <p className="mt-1 text-sm text-tt-text-muted">
          Customers always get their confirmation and cancellation emails. Here you choose the
          others. New settings apply to bookings made or moved from now on; a reminder you switch
          off is not sent for any booking.
        </p>
        {saved && !errors ? (
          <p role="status" className="mt-3 text-sm text-tt-success">
            Your email settings are saved.
          </p>
        ) : null}
      </div>
      <EmailSettingsForm
        settings={settings}
        hostEmail={hostEmail}
        error={errors?.form ?? Object.values(errors?.fields ?? {})[0]}
        pending={saving}
      />
    </section>
  );
}
