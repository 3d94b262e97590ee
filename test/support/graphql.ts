import TestAgent from 'supertest/lib/agent';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: {
    message: string;
    extensions: { code: string; statusCode: number; requestId?: string; details?: unknown };
  }[];
  headers: Record<string, string>;
}

/** POST /graphql; returns data and errors with the HTTP status for assertions. */
export async function gql<T = Record<string, unknown>>(
  http: TestAgent,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  scheme = 'Bearer',
): Promise<GqlResult<T>> {
  const req = http.post('/graphql').send({ query, variables });
  if (token) req.set('Authorization', `${scheme} ${token}`);
  const res = await req;
  return { status: res.status, data: res.body.data, errors: res.body.errors, headers: res.headers };
}
