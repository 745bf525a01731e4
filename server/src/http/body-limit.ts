import type { IncomingMessage } from 'node:http';
import type { RequestHandler, Response } from 'express';
import type { ApiError } from '../../../contract/errors.js';
import { mediaType } from './content-type.js';
import { apiError, sendError } from './errors.js';

/**
 * Refuses a body in the middle of it: the reply goes out with `Connection: close` and the
 * connection ends, so the rest of the body is never read (Node would otherwise read it to the
 * end to keep the connection alive).
 */
function refuseAndClose(req: IncomingMessage, res: Response, error: ApiError): void {
  req.pause();
  res.setHeader('Connection', 'close');
  res.once('finish', () => req.socket.destroy());
  sendError(res, error);
}

/** Whether a request carries a body. */
function hasBody(req: IncomingMessage): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

/** `application/json`, with no charset or UTF-8. */
function jsonType(req: IncomingMessage): 'json' | 'other' | 'bad-charset' {
  const { type, charsets } = mediaType(req);
  if (type !== 'application/json') return 'other';
  return charsets.every((c) => c === 'utf-8') ? 'json' : 'bad-charset';
}

/**
 * Reads a JSON body of at most `limitBytes` into `req.body`. Unlike a parser that reads every
 * byte before it refuses, this answers 413 on a declared Content-Length over the limit at once,
 * and on a chunked body at the chunk that crosses it; either way the connection then ends, so
 * a client cannot make the server read (or wait for) a body it has already refused. Bodies
 * that are not JSON are read too (within the same limit) and dropped: `req.body` stays unset.
 * Compressed bodies are refused: a few KB gain nothing from it, and inflating is work.
 */
export function jsonBody(limitBytes: number): RequestHandler {
  const tooLarge = apiError(
    'payload-too-large',
    `Request bodies are limited to ${limitBytes} bytes.`,
  );
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const declared = req.headers['content-length'];
    if (declared !== undefined && !(Number(declared) <= limitBytes))
      return refuseAndClose(req, res, tooLarge);
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity')
      return refuseAndClose(req, res, apiError('validation', 'Send uncompressed UTF-8 JSON.'));
    const type = jsonType(req);
    if (type === 'bad-charset')
      return refuseAndClose(req, res, apiError('validation', 'Send UTF-8 JSON.'));

    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanup();
        return refuseAndClose(req, res, tooLarge);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      if (type !== 'json' || size === 0) return next();
      const text = Buffer.concat(chunks).toString('utf8');
      // Like a strict JSON parser: an object or an array, nothing else at the top.
      if (!/^[\s\uFEFF]*[{[]/.test(text))
        return sendError(res, apiError('validation', 'The body must be a JSON object.'));
      try {
        req.body = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      } catch {
        return sendError(res, apiError('validation', 'The body is not valid JSON.'));
      }
      next();
    };
    // An aborted upload has nobody to answer.
    const onError = () => cleanup();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  };
}
