export interface DocBlock {
  lang: string;
  code: string;
  /** 1-based line of the opening fence, for test names. */
  line: number;
  /** `<!-- key: value -->` comments since the previous block. */
  directives: Record<string, string>;
  /** For a graphql block: the json block that follows it (the documented answer). */
  expected?: unknown;
}

/** The fenced code blocks of a Markdown file, in order (one parser, shared with codegen). */
export const readDocBlocks = (
  require('../../scripts/doc-blocks.js') as { readDocBlocks(file: string): DocBlock[] }
).readDocBlocks;

// Values that differ per run (ids, times, tokens): only their type is compared.
const VOLATILE = /(^id$|Id$|Ids$|At$|token$|Token$|^expiresIn$|^requestId$)/;

/**
 * Differences between a documented answer and a real one: every documented key must exist
 * with the same shape; stable values must be equal; arrays compare their first element.
 */
export function shapeDifferences(expected: unknown, actual: unknown, path = '$'): string[] {
  const key = path
    .split('.')
    .pop()!
    .replace(/\[\d+\]$/, '');
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (expected.length === 0) return actual.length === 0 ? [] : [`${path}: expected []`];
    if (actual.length === 0) return [`${path}: expected items, got []`];
    return shapeDifferences(expected[0], actual[0], `${path}[0]`);
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected an object`];
    return Object.entries(expected).flatMap(([k, v]) =>
      k in actual
        ? shapeDifferences(v, (actual as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}: missing`],
    );
  }
  if (VOLATILE.test(key)) {
    return typeof expected === typeof actual ? [] : [`${path}: expected a ${typeof expected}`];
  }
  return expected === actual
    ? []
    : [`${path}: documented ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
