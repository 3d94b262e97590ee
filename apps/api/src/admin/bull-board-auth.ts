import { HttpException, HttpStatus } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { accessTokenFrom, TokensService } from '@nexus/auth';
import { Environment, toErrorBody } from '@nexus/core';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { BULL_BOARD_ROUTE } from './queue-dashboard.module';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function basicCredentials(req: FastifyRequest): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function reject(req: FastifyRequest, res: FastifyReply, status: HttpStatus, message: string): void {
  if (status === HttpStatus.UNAUTHORIZED) {
    void res.header('WWW-Authenticate', 'Basic realm="Nexus queues", charset="UTF-8"');
  }
  void res.code(status).send({
    ...toErrorBody(new HttpException(message, status)),
    requestId: req.id,
  });
}

/**
 * Bull Board's routes are a Fastify plugin, outside Nest's guards: this is their guard. An
 * admin's access token (Bearer/JWT), or the operators' basic-auth pair from BULL_BOARD_USER /
 * BULL_BOARD_PASSWORD. No token → 401 (with a basic-auth challenge), a non-admin → 403.
 */
export function bullBoardAuth(env: Environment, tokens: TokensService): onRequestHookHandler {
  return (req, res, done) => {
    const token = accessTokenFrom(req);
    if (token) {
      const user = tokens.verifyAccessToken(token);
      if (!user)
        return reject(req, res, HttpStatus.UNAUTHORIZED, 'Invalid or expired access token');
      if (user.role !== 'admin') return reject(req, res, HttpStatus.FORBIDDEN, 'Admins only');
      return done();
    }
    const basic = basicCredentials(req);
    if (basic && env.BULL_BOARD_USER && env.BULL_BOARD_PASSWORD) {
      const ok =
        sameSecret(basic.user, env.BULL_BOARD_USER) &&
        sameSecret(basic.password, env.BULL_BOARD_PASSWORD);
      if (ok) return done();
      return reject(req, res, HttpStatus.UNAUTHORIZED, 'Wrong queue dashboard credentials');
    }
    reject(req, res, HttpStatus.UNAUTHORIZED, 'Authentication required');
  };
}

/**
 * Puts bullBoardAuth in front of every route Bull Board registers under /admin/queues (page,
 * assets, JSON API), as a route-level hook: it is attached when the route is added, so it cannot
 * be bypassed by spelling the path differently, and costs other routes nothing. Must run before
 * the app initialises (QueueDashboardModule registers the board's plugin then).
 */
export function protectQueueDashboard(app: NestFastifyApplication): void {
  const auth = bullBoardAuth(app.get(Environment), app.get(TokensService));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.url !== BULL_BOARD_ROUTE && !route.url.startsWith(`${BULL_BOARD_ROUTE}/`)) return;
      const existing = route.onRequest ?? [];
      route.onRequest = [auth, ...(Array.isArray(existing) ? existing : [existing])];
    });
}
