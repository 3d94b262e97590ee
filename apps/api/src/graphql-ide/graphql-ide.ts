import { Logger, NotFoundException } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { currentRequestId, Environment, graphqlIdeEnabled, toErrorBody } from '@nexus/core';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY, IDE_PAGE_HTML } from './graphql-ide.page';

/** dist/ide from the webpack bundle (dist/apps/api) or from the repository root (tests, ts-node). */
function findIdeAssets(): string | undefined {
  const candidates = [
    path.resolve(__dirname, '../../ide'),
    path.resolve(process.cwd(), 'dist/ide'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'graphiql.js')));
}

function withIdePolicy(_req: Request, res: Response, next: NextFunction) {
  // Replaces helmet's page-wide policy for these responses only (workers take theirs from here).
  res.setHeader('Content-Security-Policy', IDE_CONTENT_SECURITY_POLICY);
  next();
}

/**
 * GraphiQL 5 at GET /graphql for browsers (Accept prefers text/html); every other request, POST
 * and graphql-ws included, goes on to Apollo untouched. Mounted before Apollo registers /graphql.
 */
export function mountGraphqlIde(app: NestExpressApplication): void {
  if (!graphqlIdeEnabled(app.get(Environment))) return;
  const assets = findIdeAssets();
  if (!assets) {
    new Logger('GraphqlIde').warn('GraphQL IDE assets missing (dist/ide): run `npm run build`');
    return;
  }
  app.use(
    IDE_ASSETS_PATH,
    withIdePolicy,
    express.static(assets, { index: false, maxAge: '1h' }),
    (_req: Request, res: Response) => {
      const notFound = new NotFoundException('No such IDE asset');
      res.status(404).json({ ...toErrorBody(notFound), requestId: currentRequestId() });
    },
  );
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsPage =
      req.method === 'GET' &&
      req.path === '/' &&
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
        'text/html';
    if (!wantsPage) return next();
    withIdePolicy(req, res, () =>
      res.type('html').set('Cache-Control', 'no-cache').send(IDE_PAGE_HTML),
    );
  });
}
