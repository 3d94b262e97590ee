import { ValidationFailedError } from '../errors/domain-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A page of results: `nextCursor` is null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursor: base64url of the last seen id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): string | undefined {
  if (!cursor) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^id:(\d{1,19})$/.exec(decoded);
  if (!match)
    throw new ValidationFailedError([
      { field: 'after', messages: ['after must be a cursor returned by a previous page'] },
    ]);
  return match[1];
}

/** Fetch `first + 1` rows, then call this: it trims the extra row and builds the cursor. */
export function toPage<T extends { id: string }>(rows: T[], first: number): Page<T> {
  const hasMore = rows.length > first;
  const data = hasMore ? rows.slice(0, first) : rows;
  return {
    data,
    nextCursor: hasMore && data.length ? encodeCursor(data[data.length - 1].id) : null,
  };
}

/** What a service needs to read one page: the size and the decoded keyset cursor. */
export interface PageRequest {
  first: number;
  after?: string;
}
