import { TRPCError } from "@trpc/server";

/**
 * Runs a query for a page; a NOT_FOUND or BAD_REQUEST (a malformed address) becomes the 404 page
 * rather than an error screen.
 */
export async function loadOr404<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      throw new Response("Not found", { status: 404 });
    }
    throw error;
  }
}
