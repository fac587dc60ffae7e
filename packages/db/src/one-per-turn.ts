/**
 * Resumptions handed out one per turn of the event loop, in the order they were asked for.
 *
 * Why not `setImmediate` for each: every immediate queued before the loop's check phase runs in
 * that one phase, so with 32 requests waiting to resume, a turn ran all 32 pieces of work in a row
 * (about 100 ms), and Node (libuv 1.46) takes one new connection from the listening socket per
 * turn: the 32nd connection opened at once waited 30 such turns, 1–2 s, for its first answer.
 * Handing out one resumption per turn keeps a turn to one piece of work plus the sockets that
 * became ready, so connections are taken a few milliseconds apart and every request waits its
 * fair share (a bare server doing 4 ms per request at 32 connections: p99 1,131 ms with all the
 * work in its turn, 188 ms with one piece per turn).
 */
const waiting: Array<() => void> = [];

function releaseOne() {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(releaseOne);
}

/** Resolves in a later turn of the event loop, after everyone who asked before. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (waiting.length === 1) setImmediate(releaseOne);
  });
}
