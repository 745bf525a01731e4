import type { Me } from '../contract/api.js';
import { call, route, type CallOptions, type CallResult } from '../contract/client.js';
import type { Lang } from '../contract/domain.js';
import type { changePassword, signIn, signOut, whoAmI } from '../contract/endpoints/auth.js';
import type { PasswordChangeText } from './password-change.js';
import type { SignInText } from './staff-sign-in.js';

/*
 * The session's endpoints as routes (method and path, typed by the contract endpoint): the
 * counter page would otherwise carry their zod schemas for requests the server checks anyway.
 * tests/unit/ui/staff-ui.test.ts checks each route against its endpoint.
 */
export const STAFF_ROUTES = {
  signIn: route<typeof signIn>('post', '/auth/login'),
  changePassword: route<typeof changePassword>('post', '/auth/password'),
  whoAmI: route<typeof whoAmI>('get', '/auth/me'),
  signOut: route<typeof signOut>('post', '/auth/logout'),
};

/** What a staff page gives the shared elements: its catalogue (and, in tests, a fake fetch). */
export interface StaffPage {
  /** The page's words in a language; must hold every key the forms' texts name. */
  messages: (lang: Lang) => Omit<SignInText & PasswordChangeText, 'errorText'>;
  errorText: (lang: Lang, code: string) => string;
  /** Options of every call (tests give their own `fetch`). */
  options?: CallOptions;
}

/**
 * The session's requests and the sign-in and password forms' words for one staff page: both
 * pages send the same requests through the contract client and fill the same texts, each from
 * its own catalogue.
 */
export function staffUi(page: StaffPage) {
  const words = (lang: Lang) => ({
    ...page.messages(lang),
    errorText: (code: string) => page.errorText(lang, code),
  });
  const options = page.options ?? {};
  return {
    signInText: (lang: Lang): SignInText => words(lang),
    passwordChangeText: (lang: Lang): PasswordChangeText => words(lang),
    /** Sends a sign-in; never throws. */
    signIn: (username: string, password: string): Promise<CallResult<Me>> =>
      call(STAFF_ROUTES.signIn, { body: { username, password } }, options),
    /** Sends the signed-in user's password change; never throws. */
    changePassword: (currentPassword: string, newPassword: string): Promise<CallResult<Me>> =>
      call(STAFF_ROUTES.changePassword, { body: { currentPassword, newPassword } }, options),
    /** The signed-in user, or null (nobody, a device key, or no answer). */
    whoAmI: async (): Promise<Me | null> => {
      const r = await call(STAFF_ROUTES.whoAmI, {}, options);
      return r.ok && r.data.kind === 'user' ? r.data : null;
    },
    /** Ends the session; never throws. */
    signOut: (): Promise<unknown> => call(STAFF_ROUTES.signOut, {}, options),
  };
}
