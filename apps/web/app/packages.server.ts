import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { hostDefaults } from "~/booking-limits.server";
import { formErrors } from "~/form-errors.server";
import { packageFromForm } from "~/package-form";
import { requireHostId } from "~/session.server";
import { apiFor } from "~/trpc.server";

type Api = Awaited<ReturnType<typeof apiFor>>;

/**
 * The signed-in host's packages, in their order, the host to name on the page, and their default
 * limits, which a package's empty limit falls back to.
 */
export async function loadPackages({ context, request }: LoaderFunctionArgs) {
  await requireHostId(context, request);
  const api = await apiFor(context, request);
  const [host, packages, defaults] = await Promise.all([
    api.host.me(),
    api.host.packages(),
    hostDefaults(api),
  ]);
  return { host, packages, defaults, currencies: currencyOptions() };
}

/**
 * Every currency with its English name, named here on the server only: Node's and the browser's
 * ICU data name some currencies differently, and a label rendered twice would not hydrate (React
 * then re-renders the whole page, and a click in that moment is lost).
 */
function currencyOptions() {
  const names = new Intl.DisplayNames("en", { type: "currency" });
  return Intl.supportedValuesOf("currency").map((code) => ({ code, name: names.of(code) ?? code }));
}

export type CurrencyOption = ReturnType<typeof currencyOptions>[number];

/**
 * The page's forms, told apart by their `intent`: save (a new package, or `packageId`'s), move up
 * or down, archive. A refused save comes back with its errors by field, for the form it came from.
 */
export async function changePackages({ context, request }: ActionFunctionArgs) {
  await requireHostId(context, request);
  const form = await request.formData();
  const api = await apiFor(context, request);
  const packageId = String(form.get("packageId") ?? "");
  const intent = form.get("intent");
  try {
    if (intent === "move-up" || intent === "move-down")
      await move(api, packageId, intent === "move-up" ? -1 : 1);
    if (intent === "archive") await api.host.archivePackage({ packageId });
  } catch (error) {
    return { formId: packageId, errors: formErrors(error), values: null };
  }
  if (intent !== "save") return redirect("/dashboard/packages");

  const formId = packageId || "new";
  const parsed = packageFromForm(form);
  if (!parsed.fields) return { formId, errors: { fields: parsed.errors }, values: parsed.values };
  try {
    if (packageId) await api.host.updatePackage({ ...parsed.fields, packageId });
    else await api.host.createPackage(parsed.fields);
  } catch (error) {
    return { formId, errors: formErrors(error), values: parsed.values };
  }
  return redirect(`/dashboard/packages?saved=${encodeURIComponent(parsed.fields.name)}`);
}

/** Swaps the package with its neighbour; at either end of the list it stays where it is. */
async function move(api: Api, packageId: string, step: -1 | 1) {
  const ids = (await api.host.packages()).map((pkg) => pkg.id);
  const from = ids.indexOf(packageId);
  const to = from + step;
  if (from === -1 || to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  await api.host.reorderPackages({ packageIds: ids });
}
