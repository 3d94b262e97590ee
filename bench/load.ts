import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * Closed-loop load: `concurrency` keep-alive connections, each sending its next request as soon
 * as the previous answers, for `durationMs`. A non-2xx answer counts as an error.
 */
export async function runLoad(
  baseUrl: string,
  next: (i: number) => LoadRequest,
  concurrency: number,
  durationMs: number,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const end = started + durationMs;

  const send = (req: LoadRequest) =>
    new Promise<number>((resolve) => {
      const sent = performance.now();
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          agent,
          headers: {
            ...(req.body ? { 'content-type': 'application/json' } : {}),
            ...req.headers,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (!res.statusCode || res.statusCode >= 300) errors++;
            resolve(performance.now() - sent);
          });
        },
      );
      r.on('error', () => {
        errors++;
        resolve(performance.now() - sent);
      });
      r.end(req.body);
    });

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) latencies.push(await send(next(counter++)));
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
  };
}
