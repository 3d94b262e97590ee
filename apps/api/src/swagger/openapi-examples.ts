import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * One example per field name, filled into every schema property that has none, so each DTO in
 * Swagger UI shows a realistic value without repeating `@ApiProperty({ example })` in every
 * class (the names mean the same thing in every DTO). A field-level example always wins.
 */
const BY_NAME: Record<string, unknown> = {
  id: '42',
  userId: '7',
  postId: '42',
  authorId: '7',
  pollId: '5',
  username: 'alice',
  email: 'alice@mail.com',
  password: 's3cret-pass',
  displayName: 'Alice Liddell',
  bio: 'Curious about everything.',
  avatarUrl: 'https://example.com/avatars/alice.png',
  role: 'user',
  followersCount: 120,
  followingCount: 80,
  postsCount: 14,
  createdAt: '2026-11-30T12:00:00.000Z',
  updatedAt: '2026-11-30T12:05:00.000Z',
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI3In0.signature',
  refreshToken: '6f1c0d2e-5b1a-4c3e-9d2f-0a1b2c3d4e5f.kQ3xV9…',
  expiresIn: 900,
  statusCode: 400,
  error: 'Bad Request',
  code: 'VALIDATION_FAILED',
  message: 'Validation failed',
  requestId: '3f2b8c1e-7d4a-4b9e-8f3a-2c1d0e9b8a7f',
  details: [{ field: 'content', messages: ['content must be between 1 and 5000 characters'] }],
  title: 'Hello, Nexus',
  content: 'My first post!',
  mediaUrl: 'https://example.com/images/sunset.jpg',
  likeCount: 3,
  commentCount: 1,
  shareCount: 0,
  viewerHasLiked: false,
  nextCursor: 'eyJpZCI6IjQxIn0',
  liked: true,
  created: true,
  question: 'Tabs or spaces?',
  description: 'Settle it once and for all.',
  options: ['Tabs', 'Spaces'],
  startsAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-02T09:00:00.000Z',
  allowsMultiple: false,
  hideTotals: false,
};

const BY_TYPE: Record<string, unknown> = { string: 'text', number: 1, integer: 1, boolean: true };

interface SchemaProperty {
  type?: string;
  format?: string;
  example?: unknown;
  $ref?: string;
  allOf?: unknown[];
  items?: { $ref?: string; type?: string };
}

function exampleFor(name: string, prop: SchemaProperty): unknown {
  if (name in BY_NAME) {
    const value = BY_NAME[name];
    // A list of things: only when the property is one (options of a poll vs. of a result).
    if (Array.isArray(value) !== (prop.type === 'array')) return undefined;
    return value;
  }
  if (prop.format === 'date-time') return BY_NAME.createdAt;
  if (prop.type === 'array' && prop.items?.type) return [BY_TYPE[prop.items.type]];
  return prop.type ? BY_TYPE[prop.type] : undefined;
}

/** Adds missing examples in place; nested DTOs ($ref) carry their own. */
export function addSchemaExamples(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const properties = (schema as { properties?: Record<string, SchemaProperty> }).properties;
    for (const [name, prop] of Object.entries(properties ?? {})) {
      if (prop.example !== undefined || prop.$ref || prop.allOf || prop.items?.$ref) continue;
      const example = exampleFor(name, prop);
      if (example !== undefined) prop.example = example;
    }
  }
  return document;
}
