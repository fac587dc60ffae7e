import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/field";
import { PackageForm } from "~/components/packages/package-form";
import { PackageListItem } from "~/components/packages/package-list-item";
import { SettingsPage, useSaving } from "~/components/settings-page";
import { NEW_PACKAGE, packageFormValues } from "~/package-form";
import { changePackages, loadPackages } from "~/packages.server";

export const meta: MetaFunction = () => [{ title: "Packages — TimeTap" }];

export const loader = (args: LoaderFunctionArgs) => loadPackages(args);

export const action = (args: ActionFunctionArgs) => changePackages(args);

export default function PackagesPage() {
  const { host, packages, defaults, currencies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saved = useSearchParams()[0].get("saved");
  const saving = useSaving();
  const resultFor = (formId: string) => (result?.formId === formId ? result : undefined);

  return (
    <SettingsPage
      title="Packages"
      intro={
        <>
          What customers can book on{" "}
          <Link to={`/${host.slug}`} className="text-tt-primary underline">
            your page
          </Link>
          , in this order. Changes apply to new bookings; bookings already made keep their times.
          Payment is arranged between you and your customers, outside TimeTap.
        </>
      }
      savedMessage={(name) => `“${name}” is saved.`}
      refused={Boolean(result)}
    >
      <h2 id="your-packages-heading" className="text-lg font-semibold">
        Your packages
      </h2>
      {packages.length === 0 ? (
        <p>You have no packages yet: customers have nothing to book. Add one below.</p>
      ) : (
        <ul className="divide-y divide-tt-border" aria-labelledby="your-packages-heading">
          {packages.map((pkg, index) => {
            const own = resultFor(pkg.id);
            return (
              <PackageListItem
                key={pkg.id}
                pkg={pkg}
                first={index === 0}
                last={index === packages.length - 1}
              >
                {own && !own.values ? <FormError message={own.errors.form} /> : null}
                <details open={Boolean(own?.values)}>
                  <summary className="cursor-pointer text-sm text-tt-primary underline">
                    Edit<span className="sr-only"> {pkg.name}</span>
                  </summary>
                  <div className="mt-3">
                    <PackageForm
                      formId={pkg.id}
                      packageId={pkg.id}
                      values={own?.values ?? packageFormValues(pkg)}
                      errors={own?.errors}
                      currencies={currencies}
                      defaults={defaults}
                      pending={saving}
                      submitLabel="Save changes"
                    />
                  </div>
                </details>
              </PackageListItem>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="new-package-heading" className="border-t border-tt-border pt-6">
        <h2 id="new-package-heading" className="text-lg font-semibold">
          New package
        </h2>
        <div className="mt-4">
          <PackageForm
            key={saved ?? "new"}
            formId="new"
            values={resultFor("new")?.values ?? NEW_PACKAGE}
            errors={resultFor("new")?.errors}
            currencies={currencies}
            defaults={defaults}
            pending={saving}
            submitLabel="Add package"
          />
        </div>
      </section>
    </SettingsPage>
  );
}
