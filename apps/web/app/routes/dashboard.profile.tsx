import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { FormError } from "~/components/field";
import { ProfileFields } from "~/components/profile-fields";
import { SubmitButton } from "~/components/submit-button";
import { loadProfile, saveProfile } from "~/profile.server";

export const meta: MetaFunction = () => [{ title: "Profile — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadProfile(args);

export const action = (args: ActionFunctionArgs) => saveProfile(args);

export default function ProfilePage() {
  const { host, timeZones } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const saved = useSearchParams()[0].get("saved") === "1";

  return (
    <section className="max-w-lg space-y-6 rounded-lg border border-tt-border bg-tt-surface p-6">
      <div>
        <Link to="/dashboard" className="text-sm text-tt-primary underline">
          ← Dashboard
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Profile</h1>
        <p className="mt-1 text-sm text-tt-text-muted">
          A new page address keeps the old one working: it sends visitors to the new one. A new time
          zone keeps every booking at its time; your hours are then read in the new zone.
        </p>
      </div>
      {saved ? (
        <p role="status" className="text-sm text-tt-success">
          Your profile is saved.
        </p>
      ) : null}
      <Form method="post" className="space-y-5" noValidate>
        <ProfileFields host={host} timeZones={timeZones} errors={errors} />
        <FormError message={errors?.form} />
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save profile
        </SubmitButton>
      </Form>
    </section>
  );
}
