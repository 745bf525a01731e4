/** What the shared staff elements (ui/) need from this page: its words, requests and look. */
import { css } from 'lit';
import type { Me } from '../../contract/api.js';
import { staffUi } from '../../ui/staff-ui.js';
import { apiRequest } from './api-client.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

const ui = staffUi({
  messages,
  errorText,
  post: (path, body) => apiRequest<Me>('POST', path, body),
});
export const { signInText, signIn, passwordChangeText, changePassword } = ui;

/** The manager page's look for the shared sign-in and password forms. */
export const staffFormStyles = [
  sharedStyles,
  css`
    .notice {
      margin: 0 0 14px;
    }
    .actions button {
      min-height: 44px;
    }
  `,
];
