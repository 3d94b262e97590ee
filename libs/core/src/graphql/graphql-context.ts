import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestLoaders } from './request-loaders';

/** What every resolver receives as context, over HTTP and over graphql-ws alike. */
export interface GraphqlContext {
  req: FastifyRequest;
  res?: FastifyReply;
  loaders: RequestLoaders;
}
