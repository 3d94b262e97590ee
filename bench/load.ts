import autocannon from 'autocannon';
import type { LoadRequest } from './scenarios';

export interface LoadResult {
  requests: number;
  ok: number;
  /** Socket errors + timeouts + non-2xx answers. */
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load with autocannon: `connections` keep-alive connections, each sending its next
 * request when the previous one answered. `next()` supplies every request (numbered by caller).
 */
export async function runLoad(
  baseUrl: string,
  next: () => LoadRequest,
  connections: number,
  seconds: number,
  /** Open loop: total requests per second across connections (the soak); unset = closed loop. */
  overallRate?: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    ...(overallRate ? { overallRate } : {}),
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const r = next();
          return { ...req, method: r.method, path: r.path, headers: r.headers ?? {}, body: r.body };
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
    rps: requests / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}
