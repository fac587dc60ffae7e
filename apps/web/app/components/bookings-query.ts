/** Which of the host's bookings the dashboard lists, as its address carries it. */
export interface BookingsQuery {
  when: "upcoming" | "past";
  status: "confirmed" | "cancelled" | "all";
  page: number;
}

const STATUSES = ["confirmed", "cancelled", "all"] as const;

/**
 * The list an address asks for; anything unreadable falls back to the first page of upcoming
 * confirmed bookings, the ones a host prepares for.
 */
export function parseBookingsQuery(search: URLSearchParams): BookingsQuery {
  const status = STATUSES.find((candidate) => candidate === search.get("status"));
  const page = Number(search.get("page"));
  return {
    when: search.get("when") === "past" ? "past" : "upcoming",
    status: status ?? "confirmed",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The dashboard's address for a list of bookings. */
export function bookingsHref({ when, status, page }: BookingsQuery): string {
  return `/dashboard?${new URLSearchParams({ when, status, page: String(page) })}`;
}
