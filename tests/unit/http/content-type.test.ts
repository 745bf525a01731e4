import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { mediaType } from '../../../server/src/http/content-type.js';

const withType = (contentType?: string) =>
  ({
    headers: contentType === undefined ? {} : { 'content-type': contentType },
  }) as IncomingMessage;

describe('a request body media type', () => {
  it.each([
    [undefined, '', []],
    ['application/json', 'application/json', []],
    [' Application/JSON ; Charset="UTF-8"', 'application/json', ['utf-8']],
    ['application/json; charset=latin1; charset=utf-8', 'application/json', ['latin1', 'utf-8']],
    ['application/json; charset', 'application/json', ['']],
    ['text/plain;boundary=x', 'text/plain', []],
  ])(
    'when Content-Type is %j, then the type is %j and the charsets %j',
    (header, type, charsets) => {
      expect(mediaType(withType(header))).toEqual({ type, charsets });
    },
  );
});
