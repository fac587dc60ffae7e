// A fixed number of requests in flight for a few seconds (autocannon), and what came of it.
import autocannon from "autocannon";

export interface LoadResult {
  total: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(options: {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  /** A new body for every request (each booking needs its own time). */
  body?: () => string;
}): Promise<LoadResult> {
  const { body } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    method: options.method ?? "GET",
    headers: { "content-type": "application/json" },
    requests: body ? [{ setupRequest: (request) => ({ ...request, body: body() }) }] : undefined,
  });
  return {
    total: result.requests.total,
    perSecond: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Latency of one request at a time, in milliseconds. */
export async function timedFetch(url: string, init?: RequestInit): Promise<[number, Response]> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return [performance.now() - started, response];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
