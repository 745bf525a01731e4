import type { LoginRequest, Me } from '../contract/api.js';
import type { Lang } from '../contract/domain.js';
import type { PasswordChangeRequest } from '../contract/password.js';
import type { PasswordChangeResult, PasswordChangeText } from './password-change.js';
import type { SignInResult, SignInText } from './staff-sign-in.js';

/** What a staff page gives the shared elements: its catalogue and its API client. */
export interface StaffPage {
  /** The page's words in a language; must hold every key the forms' texts name. */
  messages: (lang: Lang) => Omit<SignInText & PasswordChangeText, 'errorText'>;
  errorText: (lang: Lang, code: string) => string;
  /** The page's JSON POST; never throws (a network failure is an `ok: false` result). */
  post: (path: string, body: unknown) => Promise<SignInResult>;
  /** The page's GET; never throws. */
  get: (path: string) => Promise<{ ok: true; data: unknown } | { ok: false }>;
}

/**
 * The session's requests and the sign-in and password forms' words for one staff page: both
 * pages send the same requests and fill the same texts, each from its own catalogue and API
 * client.
 */
export function staffUi(page: StaffPage) {
  const words = (lang: Lang) => ({
    ...page.messages(lang),
    errorText: (code: string) => page.errorText(lang, code),
  });
  return {
    signInText: (lang: Lang): SignInText => words(lang),
    passwordChangeText: (lang: Lang): PasswordChangeText => words(lang),
    /** Sends a sign-in; never throws. */
    signIn: (username: string, password: string): Promise<SignInResult> =>
      page.post('/auth/login', { username, password } satisfies LoginRequest),
    /** Sends the signed-in user's password change; never throws. */
    changePassword: (currentPassword: string, newPassword: string): Promise<PasswordChangeResult> =>
      page.post('/auth/password', { currentPassword, newPassword } satisfies PasswordChangeRequest),
    /** The signed-in user, or null (nobody, a device key, or no answer). */
    whoAmI: async (): Promise<Me | null> => {
      const r = await page.get('/auth/me');
      const me = r.ok ? (r.data as Me | { kind: 'device' }) : null;
      return me?.kind === 'user' ? me : null;
    },
    /** Ends the session; never throws. */
    signOut: (): Promise<unknown> => page.post('/auth/logout', {}),
  };
}
