import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify from 'fastify';
import { serializeResponsesByDocument } from './response-serializers';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          size: { type: 'number' },
          note: { type: 'string', nullable: true },
          at: { type: 'string', format: 'date-time' },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
        },
        required: ['id', 'size', 'note', 'at', 'owner'],
      },
    },
  },
} as unknown as OpenAPIObject;

describe('serializeResponsesByDocument', () => {
  const thing = (id: string) => ({
    id,
    size: 3,
    note: null,
    at: new Date('2026-12-01T10:00:00.123Z'),
    owner: { name: 'ada', password: 'never' },
    internal: 'not documented',
  });

  async function app() {
    const fastify = Fastify();
    serializeResponsesByDocument(fastify, document);
    fastify.get('/api/things/:id', async (req) => thing((req.params as { id: string }).id));
    fastify.get('/api/undocumented', async () => thing('u'));
    await fastify.ready();
    return fastify;
  }

  it('writes a documented body with only the documented fields, as JSON.stringify would', async () => {
    const fastify = await app();
    const res = await fastify.inject('/api/things/7');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: '7',
      size: 3,
      note: null,
      at: '2026-12-01T10:00:00.123Z',
      owner: { name: 'ada' },
    });
    await fastify.close();
  });

  it('leaves routes the document does not describe to JSON.stringify', async () => {
    const fastify = await app();
    const res = await fastify.inject('/api/undocumented');
    expect(res.json()).toMatchObject({ internal: 'not documented', owner: { password: 'never' } });
    await fastify.close();
  });

  it('omits a promised field a handler leaves out instead of failing the response', async () => {
    const fastify = Fastify();
    serializeResponsesByDocument(fastify, {
      ...document,
      paths: { '/api/things-without-owner': document.paths['/api/things/{id}'] },
    } as OpenAPIObject);
    fastify.get('/api/things-without-owner', async () => ({ id: 'x', size: 1 }));
    const res = await fastify.inject('/api/things-without-owner');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 'x', size: 1 });
    await fastify.close();
  });
});
