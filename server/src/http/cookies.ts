import { parseCookie, stringifySetCookie } from 'cookie';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header || header.length > 8192) return undefined;
  return parseCookie(header)[name];
}

/** A session cookie: HttpOnly, SameSite=Strict, whole site; Secure when served over https. */
export function serializeCookie(
  name: string,
  value: string,
  opts: { maxAgeSeconds: number; secure: boolean },
): string {
  return stringifySetCookie({
    name,
    value,
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    maxAge: opts.maxAgeSeconds,
    secure: opts.secure,
  });
}
