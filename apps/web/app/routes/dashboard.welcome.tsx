import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError } from "~/components/field";
import { SubmitButton } from "~/components/submit-button";
import { formErrors, type FormErrors } from "~/form-errors.server";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

export const meta: MetaFunction = () => [{ title: "Welcome — TimeTap" }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const host = await (await apiFor(context, request)).host.me();
  return { host, timeZones: Intl.supportedValuesOf("timeZone") };
}

export async function action({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = Object.fromEntries(await request.formData());
  try {
    await (
      await apiFor(context, request)
    ).host.completeOnboarding({
      slug: String(form.slug ?? "").toLowerCase(),
      name: String(form.name ?? ""),
      timeZone: String(form.timeZone ?? ""),
    });
  } catch (error) {
    return formErrors(error, { CONFLICT: "slug" });
  }
  return redirect("/dashboard");
}

export default function Welcome() {
  const { host, timeZones } = useLoaderData<typeof loader>();
  const errors: FormErrors | undefined = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const [timeZone, setTimeZone] = useState(host.timeZone);
  useEffect(() => {
    // A new host's zone defaults to the browser's, which is almost always right.
    if (host.timeZone === "UTC") setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [host.timeZone]);

  return (
    <section className="max-w-lg space-y-6">
      <div>
        <h2 className="text-2xl font-semibold">Set up your booking page</h2>
        <p className="mt-1 text-tt-text-muted">Customers will book you at this address.</p>
      </div>
      <Form method="post" className="space-y-5" noValidate>
        <Field id="slug" label="Page address" error={errors?.fields.slug}>
          <div className="flex items-center rounded-md border border-tt-border bg-tt-surface">
            <span className="pl-3 text-tt-text-muted">/</span>
            <input
              id="slug"
              name="slug"
              defaultValue={host.slug ?? ""}
              className="w-full rounded-md px-2 py-2 outline-none"
              aria-invalid={Boolean(errors?.fields.slug)}
              aria-describedby="slug-error"
              required
            />
          </div>
        </Field>
        <Field id="name" label="Your name" error={errors?.fields.name}>
          <input
            id="name"
            name="name"
            defaultValue={host.name}
            className="w-full rounded-md border border-tt-border px-3 py-2"
            aria-invalid={Boolean(errors?.fields.name)}
            aria-describedby="name-error"
            required
          />
        </Field>
        <Field id="timeZone" label="Time zone" error={errors?.fields.timeZone}>
          <select
            id="timeZone"
            name="timeZone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            className="w-full rounded-md border border-tt-border px-3 py-2"
          >
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </Field>
        <FormError message={errors?.form} />
        <SubmitButton pending={saving} pendingLabel="Saving…">
          Save and continue
        </SubmitButton>
      </Form>
    </section>
  );
}
