import { css } from 'lit';
import { staffBaseStyles, staffTableStyles } from '../../ui/staff-styles.js';

/**
 * Buttons, cards, fields, tables and notices shared by the manager page's elements: the staff
 * pages' own (ui/staff-styles.ts), then the manager's headings and pressed states.
 */
export const sharedStyles = [
  staffBaseStyles,
  staffTableStyles,
  css`
    h2 {
      font-size: 1.1rem;
      margin: 0 0 10px;
    }
    h3 {
      font-size: 1rem;
      margin: 0 0 8px;
    }
    button,
    .button {
      justify-content: center;
    }
    button[aria-pressed='true'],
    button[aria-pressed='true']:hover:not(:disabled),
    button[aria-current='true'],
    button[aria-current='true']:hover:not(:disabled),
    button[aria-selected='true'],
    button[aria-selected='true']:hover:not(:disabled) {
      background: var(--manager-accent-strong);
      color: var(--manager-on-accent);
    }
  `,
];
