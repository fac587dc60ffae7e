import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EmailSettingsForm } from "~/components/email-settings-form";
import { SettingsPage, useSaving } from "~/components/settings-page";
import { loadEmailSettings, saveEmailSettings } from "~/email-settings.server";

export const meta: MetaFunction = () => [{ title: "Emails — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadEmailSettings(args);

export const action = (args: ActionFunctionArgs) => saveEmailSettings(args);

export default function EmailSettingsPage() {
  const { settings, hostEmail } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  return (
    <SettingsPage
      title="Emails"
      intro="Customers always get their confirmation and cancellation emails. Here you choose the others. New settings apply to bookings made or moved from now on; a reminder you switch off is not sent for any booking."
      savedMessage="Your email settings are saved."
      refused={Boolean(errors)}
      narrow
    >
      <EmailSettingsForm
        settings={settings}
        hostEmail={hostEmail}
        error={errors?.form ?? Object.values(errors?.fields ?? {})[0]}
        pending={useSaving()}
      />
    </SettingsPage>
  );
}
