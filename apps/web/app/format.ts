/** How many digits a currency's minor unit has: 2 for EUR (cents), 0 for JPY. */
export function minorUnitDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** A package's price, stored in minor units, in its own currency; "Free" when it costs nothing. */
export function formatPrice(priceCents: number, currency: string | null): string {
  if (priceCents === 0 || !currency) return "Free";
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(
    priceCents / 10 ** minorUnitDigits(currency),
  );
}
