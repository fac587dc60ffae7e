import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import {
  BookingCancelledError,
  BookingStartedError,
  InvalidRangeError,
  NotFoundError,
  SlotNotOfferedError,
  SlotTakenError,
  SlugTakenError,
} from "../lib/service-errors.ts";

const codes: Array<[new (...args: never[]) => Error, TRPC_ERROR_CODE_KEY]> = [
  [NotFoundError, "NOT_FOUND"],
  [SlugTakenError, "CONFLICT"],
  [SlotTakenError, "CONFLICT"],
  [SlotNotOfferedError, "BAD_REQUEST"],
  [InvalidRangeError, "BAD_REQUEST"],
  [BookingStartedError, "PRECONDITION_FAILED"],
  [BookingCancelledError, "PRECONDITION_FAILED"],
];

/** Turns a service's typed error into the tRPC error clients see; anything else stays a 500. */
export async function mapServiceErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = codes.find(([type]) => error instanceof type)?.[1];
    if (code) throw new TRPCError({ code, message: (error as Error).message, cause: error });
    throw error;
  }
}
