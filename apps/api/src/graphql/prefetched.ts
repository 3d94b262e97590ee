/** Marks a GraphQL parent whose listed fields (prefetched-fields.ts) are already resolved. */
export const PREFETCHED = Symbol('prefetched');

/**
 * On a parent: per-request readers for fields with arguments (prefetched-fields.ts), called with
 * the parent and its validated arguments instead of Nest's per-field wrapper.
 */
export const PREFETCHED_READERS = Symbol('prefetchedReaders');

export type FieldReader<P = never, A = never, R = unknown> = (parent: P, args: A) => Promise<R>;
