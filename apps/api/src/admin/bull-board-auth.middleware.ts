import { HttpException, HttpStatus } from '@nestjs/common';
import { accessTokenFrom, TokensService } from '@nexus/auth';
import { currentRequestId, Environment, toErrorBody } from '@nexus/core';
import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function basicCredentials(req: Request): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function reject(res: Response, status: HttpStatus, message: string): void {
  if (status === HttpStatus.UNAUTHORIZED) {
    res.setHeader('WWW-Authenticate', 'Basic realm="Nexus queues", charset="UTF-8"');
  }
  res.status(status).json({
    ...toErrorBody(new HttpException(message, status)),
    requestId: currentRequestId(),
  });
}

/**
 * Bull Board is mounted as Express middleware, outside Nest's guards: this is its guard. An
 * admin's access token (Bearer/JWT), or the operators' basic-auth pair from BULL_BOARD_USER /
 * BULL_BOARD_PASSWORD. No token → 401 (with a basic-auth challenge), a non-admin → 403.
 */
export function bullBoardAuth(env: Environment, tokens: TokensService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = accessTokenFrom(req);
    if (token) {
      const user = tokens.verifyAccessToken(token);
      if (!user) return reject(res, HttpStatus.UNAUTHORIZED, 'Invalid or expired access token');
      if (user.role !== 'admin') return reject(res, HttpStatus.FORBIDDEN, 'Admins only');
      return next();
    }
    const basic = basicCredentials(req);
    if (basic && env.BULL_BOARD_USER && env.BULL_BOARD_PASSWORD) {
      const ok =
        sameSecret(basic.user, env.BULL_BOARD_USER) &&
        sameSecret(basic.password, env.BULL_BOARD_PASSWORD);
      if (ok) return next();
      return reject(res, HttpStatus.UNAUTHORIZED, 'Wrong queue dashboard credentials');
    }
    reject(res, HttpStatus.UNAUTHORIZED, 'Authentication required');
  };
}
