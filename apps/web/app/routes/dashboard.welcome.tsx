import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/field";
import { ProfileFields } from "~/components/profile-fields";
import { SubmitButton } from "~/components/submit-button";
import { completeOnboarding, loadProfile } from "~/profile.server";

export const meta: MetaFunction = () => [{ title: "Welcome — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadProfile(args);

export const action = (args: ActionFunctionArgs) => completeOnboarding(args);

export default function Welcome() {
  const { host, timeZones } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";

  return (
    <section className="max-w-lg space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Set up your booking page</h1>
        <p className="mt-1 text-tt-text-muted">Customers will book you at this address.</p>
      </div>
      <Form method="post" className="space-y-5" noValidate>
        <ProfileFields host={host} timeZones={timeZones} errors={errors} suggestBrowserZone />
        <FormError message={errors?.form} />
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save and continue
        </SubmitButton>
      </Form>
    </section>
  );
}
