// A small program another developer could start from: list a TimeTap host's upcoming bookings,
// or cancel one. Run with `pnpm --filter @timetap/example-node-client start list` (see README.md).
import { createTimeTapClient } from "@timetap/api/client";
import { TRPCClientError } from "@trpc/client";
import { cancelBooking, upcomingBookingLines } from "./bookings.ts";

const url = process.env.TIMETAP_URL ?? "http://localhost:3000/api/trpc";
const apiKey = process.env.TIMETAP_API_KEY;
const [command, bookingId] = process.argv.slice(2);

async function main(): Promise<number> {
  if (!apiKey) {
    console.error("Set TIMETAP_API_KEY to a key made on the TimeTap dashboard.");
    return 2;
  }
  const client = createTimeTapClient(url, { apiKey });
  if (command === "list") {
    const lines = await upcomingBookingLines(client);
    console.log(lines.length ? lines.join("\n") : "No upcoming bookings.");
    return 0;
  }
  if (command === "cancel" && bookingId) {
    await cancelBooking(client, bookingId);
    console.log(`Cancelled ${bookingId}.`);
    return 0;
  }
  console.error("Usage: main.ts list | main.ts cancel <bookingId>");
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // TimeTap says why in a sentence, with a code a program can act on (FORBIDDEN, NOT_FOUND…).
    if (error instanceof TRPCClientError) {
      const code = (error.data as { code?: string } | undefined)?.code ?? "ERROR";
      console.error(`TimeTap refused (${code}): ${error.message}`);
      process.exit(1);
    }
    throw error;
  },
);
