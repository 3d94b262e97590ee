import { FieldError } from '../errors/domain-error';

/** JSON nesting allowed in a request body or GraphQL variables (DESIGN §4). */
export const MAX_JSON_DEPTH = 32;

// NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high
// one. PostgreSQL cannot store U+0000, and lone surrogates are not valid UTF-8: both would
// otherwise fail deep in the driver as a 500.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  return match[0] === '\u0000'
    ? 'must not contain the NUL character (U+0000)'
    : 'must not contain unpaired UTF-16 surrogates';
}

/** Every string (values and keys) that cannot be stored, named by its dotted path. */
export function findUnstorableText(value: unknown, root = ''): FieldError[] {
  const found: FieldError[] = [];
  // Iterative walk: a hostile document must not be able to blow the stack.
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      if (reason) found.push({ field: path || 'body', messages: [`${path || 'body'} ${reason}`] });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        const keyReason = unstorableReason(key);
        if (keyReason) found.push({ field: childPath, messages: [`property name ${keyReason}`] });
        else stack.push({ value: child, path: childPath });
      }
    }
    if (found.length >= 20) break;
  }
  return found.reverse();
}

/** Nesting depth of parsed JSON, counted iteratively; stops as soon as `limit` is passed. */
export function exceedsDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
