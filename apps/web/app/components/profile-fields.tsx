import { useEffect, useRef, useState } from "react";
import { Field } from "~/components/field";
import type { FormErrors } from "~/form-errors.server";

/**
 * A host's page address, name and time zone, as onboarding and the profile page ask for them.
 * Onboarding (`suggestBrowserZone`) offers a new host the browser's zone, almost always right,
 * unless the host already picked one before the page's script took over: that choice is only in
 * the element then (hydration leaves a select as it finds it), and it is the one kept.
 */
export function ProfileFields({
  host,
  timeZones,
  errors,
  suggestBrowserZone = false,
}: {
  host: { slug: string | null; name: string; timeZone: string };
  timeZones: string[];
  errors: FormErrors | undefined;
  suggestBrowserZone?: boolean;
}) {
  const [timeZone, setTimeZone] = useState(host.timeZone);
  const zoneSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    const picked = zoneSelect.current?.value;
    if (picked && picked !== host.timeZone) setTimeZone(picked);
    else if (suggestBrowserZone && host.timeZone === "UTC")
      setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, [suggestBrowserZone, host.timeZone]);

  return (
    <>
      <Field id="slug" label="Page address" error={errors?.fields.slug}>
        <div className="flex items-center rounded-md border border-tt-border bg-tt-surface focus-within:ring-2 focus-within:ring-tt-primary">
          <span className="pl-3 text-tt-text-muted">/</span>
          <input
            id="slug"
            name="slug"
            defaultValue={host.slug ?? ""}
            className="w-full rounded-md px-2 py-2 outline-none"
            aria-invalid={Boolean(errors?.fields.slug)}
            aria-describedby={errors?.fields.slug ? "slug-error" : undefined}
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
          aria-describedby={errors?.fields.name ? "name-error" : undefined}
          required
        />
      </Field>
      <Field id="timeZone" label="Time zone" error={errors?.fields.timeZone}>
        <select
          id="timeZone"
          name="timeZone"
          ref={zoneSelect}
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
    </>
  );
}
