import { formatPrice } from "~/format";

/**
 * A package's length, price and description as customers read them; the description is plain
 * text, shown with its line breaks.
 */
export function PackageDetails({
  pkg,
}: {
  pkg: {
    durationMinutes: number;
    priceCents: number;
    currency: string | null;
    description: string;
  };
}) {
  return (
    <>
      <p className="mt-1 text-sm text-tt-text-muted">
        {pkg.durationMinutes} minutes · {formatPrice(pkg.priceCents, pkg.currency)}
      </p>
      {pkg.description ? (
        <p className="mt-2 whitespace-pre-line text-sm">{pkg.description}</p>
      ) : null}
    </>
  );
}
