import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/** Times every HTTP request; labels by route template (not raw URL) to keep cardinality low. */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : req.originalUrl.startsWith('/graphql')
          ? '/graphql'
          : 'unmatched';
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
