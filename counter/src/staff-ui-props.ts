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
