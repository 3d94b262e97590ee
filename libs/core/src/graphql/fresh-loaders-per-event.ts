import { GraphqlContext } from './graphql-context';
import { RequestLoaders } from './request-loaders';

/**
 * The `resolve` of a subscription field, called once per event: the event starts with empty
 * loaders. A subscription's context lives as long as the operation on the socket, so loaders
 * kept across events would answer each later event from the first one's reads (a post's
 * comments, authors, like state) and hold everything ever loaded until the client leaves.
 */
export function withFreshLoaders<T>(event: T, _args: unknown, ctx: GraphqlContext): T {
  ctx.loaders = new RequestLoaders();
  return event;
}
