/** What the shared staff shell (ui/) needs from this page: its words and look. */
import { css } from 'lit';
import type { ShellPage } from '../../ui/staff-shell.js';
import { staffUi } from '../../ui/staff-ui.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

export const counterShellPage: ShellPage = {
  langKey: 'siramatik.counter.lang',
  words: messages,
  session: staffUi({ messages, errorText }),
  // The counter's look for the shared sign-in and password forms.
  formStyles: [
    ...sharedStyles,
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
      }
      .actions button {
        justify-content: center;
      }
    `,
  ],
};
