/** Typed service errors; routers map them to tRPC codes in one place (routers/map-errors.ts). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class SlugTakenError extends Error {
  override name = "SlugTakenError";
}
