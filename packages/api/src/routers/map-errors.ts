import { TRPCError } from "@trpc/server";
import { NotFoundError } from "../services/errors.ts";

/** Turns a service's typed error into the tRPC error clients see; anything else stays a 500. */
export async function mapServiceErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) {
      throw new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
    }
    throw error;
  }
}
