import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { amendGraphqlRoute, Environment, graphqlIdeEnabled, hooksOf } from '@nexus/core';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import Negotiator from 'negotiator';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { IDE_ASSETS_PATH, IDE_CONTENT_SECURITY_POLICY, IDE_PAGE_HTML } from './graphql-ide.page';

const ANSWERS = ['application/json', 'application/graphql-response+json', 'text/html'];

/** dist/ide from the webpack bundle (dist/apps/api) or from the repository root (tests, ts-node). */
function findIdeAssets(): string | undefined {
  const candidates = [
    path.resolve(__dirname, '../../ide'),
    path.resolve(process.cwd(), 'dist/ide'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'graphiql.js')));
}

// Replaces helmet's page-wide policy for these responses only (workers take theirs from here).
const withIdePolicy: onRequestHookHandler = (_req, reply, done) => {
  void reply.header('content-security-policy', IDE_CONTENT_SECURITY_POLICY);
  done();
};

/** A browser's GET /graphql (Accept prefers text/html, as Express's req.accepts decided). */
function wantsPage(req: FastifyRequest): boolean {
  return req.method === 'GET' && new Negotiator(req).mediaType(ANSWERS) === 'text/html';
}

function servePage(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (!wantsPage(req)) return done();
  void reply
    .header('content-security-policy', IDE_CONTENT_SECURITY_POLICY)
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(IDE_PAGE_HTML);
}

/**
 * GraphiQL 5 at GET /graphql for browsers (Accept prefers text/html); every other request, POST
 * and graphql-ws included, goes on to Apollo untouched: the page is a route hook on Apollo's own
 * /graphql route. The bundled assets are static files under /graphql/ide.
 */
export function mountGraphqlIde(app: NestFastifyApplication): void {
  if (!graphqlIdeEnabled(app.get(Environment))) return;
  const assets = findIdeAssets();
  if (!assets) {
    new Logger('GraphqlIde').warn('GraphQL IDE assets missing (dist/ide): run `npm run build`');
    return;
  }
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(async (scope) => {
    scope.addHook('onRequest', withIdePolicy);
    await scope.register(fastifyStatic, {
      root: assets,
      prefix: `${IDE_ASSETS_PATH}/`,
      index: false,
      maxAge: '1h',
      decorateReply: false,
    });
  });
  amendGraphqlRoute(fastify, (route) => {
    route.onRequest = [servePage, ...hooksOf(route.onRequest)];
  });
}
