import {
  BadRequestException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

type Done = (err: Error | null, body?: unknown) => void;

const MALFORMED = 'Malformed JSON body';
const TOO_LARGE = 'Request body is too large';
const UNREADABLE = 'Unreadable request body';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** BODY_LIMIT (`100kb`, `1mb`, `512b`; validated by Environment) in bytes, 1024-based as before. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) throw new Error(`Invalid body limit: ${limit}`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}

// JSON text is UTF-8 (RFC 8259); UTF-16 is still decoded, as body-parser did. Anything else → 415.
const DECODERS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  'utf-16': 'utf16le',
  'utf-16le': 'utf16le',
};

function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1].toLowerCase();
}

function decoderFor(request: FastifyRequest): BufferEncoding | 'utf16be' | undefined {
  const charset = charsetOf(request.headers['content-type']) ?? 'utf-8';
  return charset === 'utf-16be' ? 'utf16be' : DECODERS[charset];
}

function decode(buffer: Buffer, encoding: BufferEncoding | 'utf16be'): string {
  if (encoding !== 'utf16be') return buffer.toString(encoding);
  const swapped = Buffer.from(buffer.subarray(0, buffer.length - (buffer.length % 2)));
  return swapped.swap16().toString('utf16le');
}

/** The payload as sent, inflated when Content-Encoding says so (gzip, deflate, br), as before. */
function decodedStream(request: FastifyRequest, payload: Readable): Readable | undefined {
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  switch (encoding) {
    case 'identity':
      return payload;
    case 'gzip':
    case 'x-gzip':
      return payload.pipe(zlib.createGunzip());
    case 'deflate':
      return payload.pipe(zlib.createInflate());
    case 'br':
      return payload.pipe(zlib.createBrotliDecompress());
    default:
      return undefined;
  }
}

/** JSON.parse for objects and arrays only (body-parser's `strict`); an empty body is `{}`. */
export function parseJsonText(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = /\S/.exec(body)?.[0];
  if (first === undefined) return {};
  if (first !== '{' && first !== '[') throw new BadRequestException(MALFORMED);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new BadRequestException(MALFORMED);
  }
}

/**
 * Reads and parses one JSON body. Failures are HttpExceptions, so AllExceptionsFilter renders
 * them in the shared shape: malformed → 400, over the limit → 413 (the inflated size counts),
 * unsupported charset or Content-Encoding → 415, a length that does not match → 400.
 */
function readJsonBody(request: FastifyRequest, payload: Readable, limit: number, done: Done): void {
  const encoding = decoderFor(request);
  const stream = encoding ? decodedStream(request, payload) : undefined;
  if (!encoding || !stream) return done(new UnsupportedMediaTypeException(UNREADABLE));
  const declared = Number(request.headers['content-length']);
  const identity = stream === payload;
  if (identity && declared > limit) return done(new PayloadTooLargeException(TOO_LARGE));

  const chunks: Buffer[] = [];
  let received = 0;
  let finished = false;
  const finish = (err: Error | null, body?: unknown) => {
    if (finished) return;
    finished = true;
    stream.removeListener('data', onData);
    stream.removeListener('end', onEnd);
    stream.removeListener('error', onError);
    if (!identity) {
      payload.removeListener('error', onError);
      payload.unpipe(stream as Transform);
      stream.destroy();
    }
    done(err, body);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.length;
    if (received > limit) return finish(new PayloadTooLargeException(TOO_LARGE));
    chunks.push(chunk);
  };
  const onError = () => finish(new BadRequestException(UNREADABLE));
  const onEnd = () => {
    if (identity && !Number.isNaN(declared) && received !== declared) {
      return finish(new BadRequestException(UNREADABLE));
    }
    try {
      finish(null, parseJsonText(decode(Buffer.concat(chunks, received), encoding)));
    } catch (err) {
      finish(err as Error);
    }
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('error', onError);
  if (!identity) payload.on('error', onError);
  stream.resume();
}

/**
 * The API's only body parser: `application/json` up to `limit` bytes. Any other content type
 * with a non-empty body is refused (415) instead of being ignored; an empty one is no body.
 */
export function useJsonBodyParser(fastify: FastifyInstance, limit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', (request, payload, done) => {
    readJsonBody(request, payload, limit, done as Done);
  });
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    if (request.headers['content-length'] === '0') return done(null, undefined);
    done(new UnsupportedMediaTypeException('Content-Type must be application/json'), undefined);
  });
}
