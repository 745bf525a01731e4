/** What the shared staff elements (ui/) need from this page: its words, requests and look. */
import { css } from 'lit';
import type { LoginRequest, Me } from '../../contract/api.js';
import type { Lang } from '../../contract/domain.js';
import type { PasswordChangeRequest } from '../../contract/password.js';
import type { PasswordChangeResult, PasswordChangeText } from '../../ui/password-change.js';
import type { SignInResult, SignInText } from '../../ui/staff-sign-in.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

/** The shared password form's words, from the counter's catalogue. */
export function passwordChangeText(lang: Lang): PasswordChangeText {
  return { ...messages(lang), errorText: (code) => errorText(lang, code) };
}

/** The shared sign-in form's words, from this page's catalogue. */
export function signInText(lang: Lang): SignInText {
  return { ...messages(lang), errorText: (code) => errorText(lang, code) };
}

/** Sends a sign-in; never throws. */
export function signIn(username: string, password: string): Promise<SignInResult> {
  const body: LoginRequest = { username, password };
  return apiRequest<Me>('POST', '/auth/login', body);
}

/** Sends the signed-in user's password change; never throws. */
export function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<PasswordChangeResult> {
  const body: PasswordChangeRequest = { currentPassword, newPassword };
  return apiRequest<Me>('POST', '/auth/password', body);
}

/** The counter's look for the shared sign-in and password forms. */
export const staffFormStyles = [
  sharedStyles,
  css`
    h2 {
      color: var(--counter-text);
    }
    .rules {
      color: var(--counter-muted);
    }
    .notice {
      margin: 0 0 16px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--counter-amber-bg);
      color: var(--counter-amber-text);
      border-left: 5px solid var(--counter-amber-edge);
      font-weight: 600;
    }
    .actions button {
      justify-content: center;
    }
  `,
];
