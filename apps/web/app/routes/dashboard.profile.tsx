import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/field";
import { ProfileFields } from "~/components/profile-fields";
import { SettingsPage, useSaving } from "~/components/settings-page";
import { SubmitButton } from "~/components/submit-button";
import { loadProfile, saveProfile } from "~/profile.server";

export const meta: MetaFunction = () => [{ title: "Profile — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadProfile(args);

export const action = (args: ActionFunctionArgs) => saveProfile(args);

export default function ProfilePage() {
  const { host, timeZones } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  return (
    <SettingsPage
      title="Profile"
      intro="A new page address keeps the old one working: it sends visitors to the new one. A new time zone keeps every booking at its time; your hours are then read in the new zone."
      savedMessage="Your profile is saved."
      refused={Boolean(errors)}
      narrow
    >
      <Form method="post" className="space-y-5" noValidate>
        <ProfileFields host={host} timeZones={timeZones} errors={errors} />
        <FormError message={errors?.form} />
        <SubmitButton pending={useSaving()} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </Form>
    </SettingsPage>
  );
}
