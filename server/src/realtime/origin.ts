import type { IncomingMessage } from 'node:http';

/**
 * Browsers always send Origin on cross-site requests: a page on another site must not ride a
 * clerk's cookie into a socket. No Origin means a non-browser client, which has no ambient
 * cookies to abuse. Allowed: the Host the request came to, and the public URL's origin.
 */
export function originAllowed(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  try {
    return new URL(publicUrl).origin === origin;
  } catch {
    return false;
  }
}
