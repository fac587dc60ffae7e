export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` when it is made and then runs at real speed. End-to-end runs pin the
 * day of the week and the hour this way (a run on a Sunday night must see the same week as one on
 * a Monday morning) while retries, deadlines and timers still take real time.
 */
export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offsetMs = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offsetMs) };
}
