import { createTokenCipher, rateLimitKinds } from "@timetap/api";
import { z } from "zod";

// Each message completes "NAME …", so a bad variable is reported in one line that names it.
const port = z.coerce
  .number({ error: "must be a whole number from 1 to 65535." })
  .int()
  .min(1)
  .max(65535);
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL." });

/** "30/1h": at most 30 in any hour; the window is given in s, m or h. */
const rateLimit = z
  .string()
  .regex(/^\d+\/\d+[smh]$/, 'must read like "30/1h": a number of requests per window (s, m or h).')
  .transform((value) => {
    const [points, window] = value.split("/") as [string, string];
    const unit = { s: 1, m: 60, h: 3600 }[window.slice(-1) as "s" | "m" | "h"];
    return { points: Number(points), durationSeconds: Number(window.slice(0, -1)) * unit };
  });

/** RATE_LIMIT_BOOKING_CHANGES_PER_IP for the limit `bookingChangesPerIp`, and so on. */
export const rateLimitVariable = (kind: (typeof rateLimitKinds)[number]) =>
  `RATE_LIMIT_${kind.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`;

/** The cipher's own check of its key, so the rule lives in one place. */
function isTokenKey(key: string): boolean {
  try {
    createTokenCipher([key]);
    return true;
  } catch {
    return false;
  }
}

/** The environment variables the web server, the worker and the scripts read. */
export const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: port.default(3000),
  APP_URL: httpUrl.optional(),
  // Never echoed back: the address may hold a password.
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL." })
    .optional(),
  /** Local state: the embedded database and development secrets. */
  TIMETAP_DATA_DIR: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  TOKEN_ENCRYPTION_KEY: z
    .string()
    .refine(isTokenKey, "must be 32 bytes, given as base64 or 64 hex digits.")
    .optional(),
  /** Newest first: tokens are encrypted with the first, and decrypt with any listed key. */
  TOKEN_ENCRYPTION_KEYS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .refine(
      (keys) => keys.length > 0 && keys.every(isTokenKey),
      "must list 32-byte keys, newest first, separated by commas; each given as base64 or 64 hex digits.",
    )
    .optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  GOOGLE_BASE_URL: httpUrl.optional(),
  GOOGLE_EMULATOR_PORT: port.default(4010),
  // Never echoed back: the address may hold a password.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL." })
    .optional(),
  /** The From of TimeTap's emails: "TimeTap <bookings@example.com>" or a bare address. */
  EMAIL_FROM: z
    .string()
    .regex(/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/, "must be an address, or Name <address>.")
    .optional(),
  /** Where the development mail catcher listens when SMTP_URL is unset: SMTP, and its inbox. */
  MAIL_CATCHER_SMTP_PORT: port.default(1025),
  MAIL_CATCHER_INBOX_PORT: port.default(1080),
  /** `false` when `pnpm worker` processes do the calendar syncing. */
  TIMETAP_INPROCESS_WORKER: z
    .string()
    .optional()
    .transform((value) => value !== "false"),
  /** How many calendar-sync attempts each worker (in-process or `pnpm worker`) runs at once. */
  SYNC_WORKER_CONCURRENCY: z.coerce
    .number({ error: "must be a whole number from 1 to 100." })
    .int()
    .min(1)
    .max(100)
    .default(32),
  /**
   * How often (seconds) each connected host's session calendar is compared with their bookings
   * without waiting for Google's notification: lost notifications are made up for, and a booking
   * left without an event gets one.
   */
  CALENDAR_RECONCILE_INTERVAL_SECONDS: z.coerce
    .number({ error: "must be a whole number of seconds from 30 to 86400." })
    .int()
    .min(30)
    .max(86_400)
    .default(300),
  /**
   * How many proxies (load balancers) in front of TimeTap to trust for the client's address in
   * X-Forwarded-For, as Express's `trust proxy`; 0 takes the socket's address, so a client
   * cannot forge its way around an abuse limit.
   */
  TRUST_PROXY: z.coerce
    .number({ error: "must be the number of trusted proxy hops (0 to 10)." })
    .int()
    .min(0)
    .max(10)
    .default(0),
  ...Object.fromEntries(
    rateLimitKinds.map((kind) => [rateLimitVariable(kind), rateLimit.optional()]),
  ),
  /** The bearer token `/metrics` asks for; in production `/metrics` is off without one. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters.").optional(),
  /** Where a `pnpm worker` process serves its own /healthz, /readyz and /metrics; off unset. */
  WORKER_METRICS_PORT: port.optional(),
  /**
   * Pins the app's clock to an instant at start (it then runs at real speed), so end-to-end runs
   * see the same weekday and hour whatever day they run. For tests only.
   */
  TIMETAP_CLOCK_START: z.iso
    .datetime({
      offset: true,
      error: (issue) => `must be an ISO 8601 instant (got "${String(issue.input)}").`,
    })
    .transform((value) => new Date(value))
    .optional(),
});
