import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { mediaType } from './content-type.js';
import { apiError, sendError } from './errors.js';
import { originAllowed } from './origin.js';

/** Methods that change nothing: a cross-site page may cause them, it cannot read the reply. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The device key of `Authorization: Bearer <key>` (kiosks, displays, integrations). A browser
 * never adds this header to a request by itself, so a request that carries one is not riding
 * anybody's cookie: the server then ignores the cookie altogether.
 */
export function bearerKey(authorization: string | undefined): string | undefined {
  return /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
}

/**
 * Why a state-changing request must be refused as possibly cross-site, or null when it may go
 * on. SameSite=Strict keeps the cookie off requests from other sites, but another port of this
 * host or a sibling subdomain is the *same site*: only the origin tells them apart. So:
 * - `Sec-Fetch-Site` (sent by current browsers) must be `same-origin`;
 * - `Origin` (sent by every browser on POST, PATCH and DELETE) must be this server's;
 * - the body must be declared `application/json`, which an HTML form cannot send and a
 *   cross-origin `fetch` can only send after a CORS preflight this server never grants.
 * A request with neither header comes from a non-browser client (curl, a script): it has no
 * ambient cookie to abuse, and still has to say `application/json`.
 */
export function crossSiteRefusal(req: IncomingMessage, publicUrl: string): string | null {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin')
    return `Requests from another origin may not change anything (Sec-Fetch-Site: ${fetchSite}).`;
  if (!originAllowed(req, publicUrl))
    return 'Requests from another origin may not change anything.';
  if (mediaType(req).type !== 'application/json')
    return 'Requests that change something must be sent as application/json.';
  return null;
}

/**
 * Refuses (403 `forbidden-origin`) every state-changing request that a page of another origin
 * could have made with the staff member's cookie. Requests with a device key are exempt: the
 * key is not ambient.
 */
export function sameOriginGuard(publicUrl: string): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || bearerKey(req.headers.authorization) !== undefined)
      return next();
    const refusal = crossSiteRefusal(req, publicUrl);
    if (refusal === null) return next();
    sendError(res, apiError('forbidden-origin', refusal));
  };
}
