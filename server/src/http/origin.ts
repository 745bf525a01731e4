import type { IncomingMessage } from 'node:http';

/**
 * Whether the request's Origin is this server's own: the Host it came to, or the public URL's
 * origin (behind a proxy that rewrites Host). No Origin at all counts as allowed here: browsers
 * send one on every cross-site request (and on every POST, PATCH and DELETE), so a request
 * without one comes from a non-browser client, which has no ambient cookies to abuse.
 */
export function originAllowed(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (sandboxed frames, file pages, some redirects) is never ours.
    return false;
  }
  if (host === req.headers.host) return true;
  try {
    return new URL(publicUrl).origin === origin;
  } catch {
    return false;
  }
}
