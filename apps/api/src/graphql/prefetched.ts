/** Marks a GraphQL parent whose listed fields (prefetched-fields.ts) are already resolved. */
export const PREFETCHED = Symbol('prefetched');
