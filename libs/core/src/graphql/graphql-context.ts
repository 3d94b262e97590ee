import type { Request, Response } from 'express';
import { RequestLoaders } from './request-loaders';

/** What every resolver receives as context, over HTTP and over graphql-ws alike. */
export interface GraphqlContext {
  req: Request;
  res?: Response;
  loaders: RequestLoaders;
}
