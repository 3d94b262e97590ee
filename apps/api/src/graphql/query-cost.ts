import { ComplexityEstimator } from 'graphql-query-complexity';
import { getNamedType, isCompositeType } from 'graphql';

/** The `first` a list field gets when the client does not say (DESIGN §4: lists default to 20). */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * DESIGN §4's cost model: a field costs 1 plus, for an object field, its children; a list field
 * taking `first` multiplies its children by `first` (default 20), so nesting multiplies the way
 * the rows fetched do. Introspection (`__schema`, `__type`) is free, so IDEs' own query passes.
 */
export const pageCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.name.startsWith('__')) return 0;
  if (!isCompositeType(getNamedType(field.type))) return 1;
  const takesFirst = field.args.some((arg) => arg.name === 'first');
  const first = Number(args.first ?? DEFAULT_PAGE_SIZE);
  const multiplier = takesFirst && Number.isFinite(first) && first > 0 ? first : 1;
  return 1 + multiplier * childComplexity;
};
