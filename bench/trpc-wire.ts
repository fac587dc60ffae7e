// What an HTTP client of the API sends: superjson-encoded inputs, as @trpc/client does.
import superjson from "superjson";

export const trpcQueryPath = (procedure: string, input: unknown) =>
  `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

export const trpcBody = (input: unknown) => JSON.stringify(superjson.serialize(input));
