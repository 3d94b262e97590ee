import type { FastifyInstance, RouteOptions } from 'fastify';

/** Where Apollo serves GraphQL over HTTP (and the IDE its page). */
export const GRAPHQL_PATH = '/graphql';

/**
 * Runs `amend` on the GraphQL route's options as Apollo registers the route (at Nest's init), so
 * hooks can be given to that route alone. Call it before the app is initialised.
 */
export function amendGraphqlRoute(
  fastify: FastifyInstance,
  amend: (route: RouteOptions) => void,
): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === GRAPHQL_PATH) amend(route);
  });
}

/** A route's hooks of one kind as an array (Fastify takes one hook, an array or none). */
export function hooksOf<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}
