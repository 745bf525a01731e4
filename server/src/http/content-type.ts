import type { IncomingMessage } from 'node:http';

/** A request body's declared media type. */
export interface MediaType {
  /** `application/json`: lower-case, without parameters; `''` when none is declared. */
  type: string;
  /** Every `charset` parameter, lower-case and unquoted (a client may repeat one). */
  charsets: string[];
}

/**
 * The `Content-Type` of a request, read one way for every check that depends on it (the
 * cross-site guard and the JSON body reader), so they can never disagree about a body.
 */
export function mediaType(req: IncomingMessage): MediaType {
  const [type, ...params] = (req.headers['content-type'] ?? '').split(';');
  const charsets: string[] = [];
  for (const p of params) {
    const [name, value] = p.split('=').map((s) => s.trim().toLowerCase());
    if (name === 'charset') charsets.push((value ?? '').replace(/"/g, ''));
  }
  return { type: type!.trim().toLowerCase(), charsets };
}
