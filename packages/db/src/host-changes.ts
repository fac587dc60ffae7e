import { randomUUID } from "node:crypto";
import pg from "pg";

/** A host whose offered times may differ now; `what` is the API's word for what changed. */
export interface HostChange {
  hostId: string;
  what: string;
}

export interface HostChangeListener {
  /** Another process changed a host. */
  changed(change: HostChange): void;
  /**
   * Changes of other processes may have gone unheard: the connection carrying them was lost, or
   * is back after a loss. Whatever was cached from before can no longer be trusted.
   */
  missed(): void;
}

/**
 * How the web processes of one database tell each other that a host changed, so each drops what
 * it cached about that host. `listening` says whether other processes' changes reach this one
 * right now; while not, nothing should be cached on the strength of hearing about changes.
 */
export interface HostChanges {
  publish(change: HostChange): Promise<void>;
  /**
   * What a write can send itself (`SELECT pg_notify(channel, payload)` in its statement or
   * transaction) instead of `publish` after it: heard when the write commits, and no round trip
   * of its own. Null where there is nobody to tell.
   */
  notification(change: HostChange): { channel: string; payload: string } | null;
  subscribe(listener: HostChangeListener): void;
  readonly listening: boolean;
  close(): Promise<void>;
}

/** The embedded database belongs to one process: there is nobody else to tell. */
export function inProcessHostChanges(): HostChanges {
  return {
    publish: () => Promise.resolve(),
    notification: () => null,
    subscribe: () => undefined,
    listening: true,
    close: () => Promise.resolve(),
  };
}

const CHANNEL = "timetap_host_changed";

/**
 * PostgreSQL's LISTEN/NOTIFY: one dedicated connection listens (a pooled one would be handed to
 * other queries) and sends this process's changes with pg_notify, so telling takes no connection
 * from the pool that requests wait on (through the pool only while it is lost). A lost connection is opened
 * again every `retryMs`; listeners hear `missed` when it is lost and again once it is back.
 * Each process knows its own notifications by `origin` and ignores them: it acted on them already.
 */
export async function listenOnServer(
  databaseUrl: string,
  pool: pg.Pool,
  { retryMs = 1_000 }: { retryMs?: number } = {},
): Promise<HostChanges> {
  const origin = randomUUID();
  const listeners: HostChangeListener[] = [];
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  // A change told just before the database closes still goes out.
  const sending = new Set<Promise<unknown>>();
  let lastSent: Promise<unknown> = Promise.resolve();

  const missed = () => listeners.forEach((listener) => listener.missed());
  const lose = (lost: pg.Client) => {
    if (client !== lost) return;
    client = null;
    listening = false;
    lost.end().catch(() => undefined);
    missed();
    if (!closed) retry = setTimeout(() => void connect(), retryMs).unref();
  };
  const receive = (message: pg.Notification) => {
    const change = JSON.parse(message.payload ?? "{}") as HostChange & { origin: string };
    if (change.origin === origin) return;
    const { hostId, what } = change;
    listeners.forEach((listener) => listener.changed({ hostId, what }));
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
    next.on("notification", receive);
    client = next;
    next.on("error", () => lose(next));
    next.on("end", () => lose(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch {
      lose(next);
      return;
    }
    // Closed meanwhile (close() ended it), or lost again.
    if (client !== next) return;
    listening = true;
    // Whatever was cached while not listening may have missed a change.
    missed();
  }

  const notification = (change: HostChange) => ({
    channel: CHANNEL,
    payload: JSON.stringify({ ...change, origin }),
  });

  await connect();
  return {
    notification,
    publish: async (change) => {
      const notify = (on: pg.Client | pg.Pool) => {
        const { channel, payload } = notification(change);
        return on.query("SELECT pg_notify($1, $2)", [channel, payload]);
      };
      const own = listening ? client : null;
      // One query at a time on the listening connection: pg queues overlapping ones on a client,
      // but deprecates that (gone in pg 9).
      const sent = own
        ? (lastSent = lastSent.catch(() => undefined).then(() => notify(own)))
        : notify(pool);
      sending.add(sent);
      try {
        await sent;
      } finally {
        sending.delete(sent);
      }
    },
    subscribe: (listener) => void listeners.push(listener),
    get listening() {
      return listening;
    },
    close: async () => {
      closed = true;
      listening = false;
      clearTimeout(retry);
      await Promise.allSettled(sending);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
