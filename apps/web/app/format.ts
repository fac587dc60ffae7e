export function formatPrice(priceCents: number, currency = "EUR"): string {
  if (priceCents === 0) return "Free";
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(priceCents / 100);
}
