import type { FastifyReply, FastifyRequest } from 'fastify';
import { stampGraphqlErrorRequestIds } from './graphql-error-request-ids';

function stamp(payload: unknown): unknown {
  const request = { id: 'req-1' } as unknown as FastifyRequest;
  let sent: unknown;
  stampGraphqlErrorRequestIds(request, {} as FastifyReply, payload, (_err, out) => (sent = out));
  return sent;
}

describe('stampGraphqlErrorRequestIds', () => {
  it('adds the request id to errors without one and keeps the ones set', () => {
    const body = {
      errors: [
        { message: 'a', extensions: { code: 'VALIDATION_FAILED', statusCode: 400 } },
        { message: 'b', extensions: { code: 'NOT_FOUND', requestId: 'req-1' } },
        { message: 'c' },
      ],
      data: null,
    };
    expect(JSON.parse(stamp(JSON.stringify(body)) as string)).toEqual({
      errors: [
        {
          message: 'a',
          extensions: { code: 'VALIDATION_FAILED', statusCode: 400, requestId: 'req-1' },
        },
        { message: 'b', extensions: { code: 'NOT_FOUND', requestId: 'req-1' } },
        { message: 'c', extensions: { requestId: 'req-1' } },
      ],
      data: null,
    });
  });

  it('passes answers without errors and non-JSON bodies through as they are', () => {
    const data = JSON.stringify({
      data: { post: { body: 'a post that says "errors":[ in text' } },
    });
    expect(stamp(data)).toBe(data);
    expect(stamp('{"errors":[ not json')).toBe('{"errors":[ not json');
    const buffer = Buffer.from('{"errors":[]}');
    expect(stamp(buffer)).toBe(buffer);
  });
});
