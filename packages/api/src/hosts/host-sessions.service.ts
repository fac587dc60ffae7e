import { randomToken } from "../lib/random-token.ts";
import type { ApiDeps } from "../deps.ts";

/** A session ends after this long without use. */
export const SESSION_IDLE_LIFETIME_MS = 30 * 24 * 60 * 60_000;
/** Use is recorded at most this often, so a busy dashboard is not a write per request. */
const LAST_SEEN_PRECISION_MS = 5 * 60_000;

type SessionDeps = Pick<ApiDeps, "db" | "clock">;

/**
 * A host's signed-in browser. The cookie carries only the random id; everything else stays here,
 * so signing out (or out everywhere) ends it for every copy of the cookie.
 */
export async function startSession(
  { db, clock }: SessionDeps,
  hostId: string,
  userAgent: string | null,
): Promise<string> {
  const now = clock.now();
  const session = await db.hostSession.create({
    data: {
      id: randomToken(32),
      hostId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS),
    },
  });
  return session.id;
}

/** The host behind a session id while it lasts; each use pushes its end 30 days out. */
export async function resumeSession(
  { db, clock }: SessionDeps,
  id: string,
): Promise<{ hostId: string } | null> {
  const session = await db.hostSession.findUnique({ where: { id } });
  if (!session) return null;
  const now = clock.now();
  if (session.expiresAt <= now) {
    await db.hostSession.deleteMany({ where: { id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS) {
    await db.hostSession.updateMany({
      where: { id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS) },
    });
  }
  return { hostId: session.hostId };
}

export async function endSession({ db }: Pick<ApiDeps, "db">, id: string): Promise<void> {
  await db.hostSession.deleteMany({ where: { id } });
}

/** The host's live sessions, most recently used first; `current` is the caller's own. */
export async function listSessions(
  { db, clock }: SessionDeps,
  hostId: string,
  currentId: string | null | undefined,
) {
  const sessions = await db.hostSession.findMany({
    where: { hostId, expiresAt: { gt: clock.now() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return sessions.map(({ id, ...session }) => ({ ...session, current: id === currentId }));
}

/** "Sign out everywhere": every browser of the host, this one included. */
export async function endAllSessions({ db }: Pick<ApiDeps, "db">, hostId: string) {
  const { count } = await db.hostSession.deleteMany({ where: { hostId } });
  return { ended: count };
}
