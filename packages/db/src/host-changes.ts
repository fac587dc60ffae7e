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
 * right now (and every other process knows of this one); while not, nothing should be cached on
 * the strength of hearing about changes.
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
 * The shared advisory lock (two-key form) each process's listening connection holds while it
 * listens: how processes see each other (`pg_locks`), and it goes when the connection does.
 */
const PRESENCE = [0x54494d45, 0x4c495354] as const;
/** How many connections hold PRESENCE in this database: the listening processes. */
const COUNT_LISTENERS = `SELECT count(*)::int AS n FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 2
    AND classid = ${PRESENCE[0]}::bigint::oid AND objid = ${PRESENCE[1]}::bigint::oid
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
const listenersOn = async (client: pg.Client) =>
  (await client.query<{ n: number }>(COUNT_LISTENERS)).rows[0]!.n;

/**
 * PostgreSQL's LISTEN/NOTIFY: one dedicated connection listens (a pooled one would be handed to
 * other queries) and sends this process's changes with pg_notify, so telling takes no connection
 * from the pool that requests wait on (through the pool only while it is lost). A lost connection is opened
 * again every `retryMs`; listeners hear `missed` when it is lost and again once it is back.
 * Each process knows its own notifications by `origin` and ignores them: it acted on them already.
 *
 * Nobody is told while no other process listens. Why: a notification costs the database its
 * queue and a wake-up of every listening connection, this process's own included, which then
 * reads its own notification only to ignore it: 5 % of the booking rate of a lone web process
 * (`pnpm bench`'s load, scratch A/B: 1,271-1,313 against 1,332-1,376 per second). Each listening
 * connection holds a shared advisory lock (PRESENCE) and looks every `lookMs` how many do. A
 * process that starts, or listens again after a loss, while others listen trusts what it hears
 * (`listening`) only `settleMs` after it took the lock: by then every other process has looked and
 * tells it, and a write another made before looking has committed, unless that write took over
 * `settleMs - lookMs` (4 s) to commit. A process alone at the start trusts at once.
 */
export async function listenOnServer(
  databaseUrl: string,
  pool: pg.Pool,
  {
    retryMs = 1_000,
    lookMs = 1_000,
    settleMs = 5_000,
  }: { retryMs?: number; lookMs?: number; settleMs?: number } = {},
): Promise<HostChanges> {
  const origin = randomUUID();
  const listeners: HostChangeListener[] = [];
  let client: pg.Client | null = null;
  let listening = false;
  /** When what is heard can be trusted (listening): see settleMs. */
  let trustedFrom = Infinity;
  /** Whether other processes listen, as last looked; assumed while unknown. */
  let others = true;
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
    others = true;
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
    let listeners: number;
    try {
      await next.connect();
      await next.query("SELECT pg_advisory_lock_shared($1, $2)", [...PRESENCE]);
      await next.query(`LISTEN ${CHANNEL}`);
      listeners = await listenersOn(next);
    } catch {
      lose(next);
      return;
    }
    // Closed meanwhile (close() ended it), or lost again.
    if (client !== next) return;
    others = listeners > 1;
    trustedFrom = Date.now() + (others ? settleMs : 0);
    listening = true;
    // Whatever was cached while not listening may have missed a change.
    missed();
  }

  /** Looks again whether other processes listen, on the listening connection. */
  const look = () => {
    const own = listening ? client : null;
    if (!own) return;
    lastSent = lastSent
      .catch(() => undefined)
      .then(async () => {
        const listeners = await listenersOn(own);
        if (client === own) others = listeners > 1;
      })
      .catch(() => lose(own));
  };
  const looking = setInterval(look, lookMs).unref();

  const notification = (change: HostChange) => ({
    channel: CHANNEL,
    payload: JSON.stringify({ ...change, origin }),
  });

  await connect();
  return {
    notification: (change) => (others ? notification(change) : null),
    publish: async (change) => {
      if (!others) return;
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
      return listening && Date.now() >= trustedFrom;
    },
    close: async () => {
      closed = true;
      listening = false;
      clearTimeout(retry);
      clearInterval(looking);
      await Promise.allSettled(sending);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
