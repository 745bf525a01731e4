/** What the shared staff shell (ui/) needs from this page: its words and look. */
import { css } from 'lit';
import type { ShellPage } from '../../ui/staff-shell.js';
import { staffUi } from '../../ui/staff-ui.js';
import { errorText, messages } from './i18n.js';
import { sharedStyles } from './shared-styles.js';

export const managerShellPage: ShellPage = {
  langKey: 'siramatik.manager.lang',
  words: messages,
  session: staffUi({ messages, errorText }),
  // The manager page's look for the shared sign-in and password forms.
  formStyles: [
    ...sharedStyles,
    css`
      .notice {
        margin: 0 0 14px;
      }
      .actions button {
        min-height: 44px;
      }
    `,
  ],
};
