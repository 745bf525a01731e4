import { css } from 'lit';
import { staffBaseStyles } from '../../ui/staff-styles.js';

/**
 * Buttons, cards, fields and key hints shared by the counter's elements: the staff pages' own
 * (ui/staff-styles.ts), then the counter's larger touch targets, quiet headings and key hints.
 */
export const sharedStyles = [
  staffBaseStyles,
  css`
    h2 {
      font-size: 1rem;
      text-transform: none;
      letter-spacing: 0.02em;
      color: var(--counter-muted);
      margin: 0 0 10px;
    }
    button {
      padding: 8px 14px;
      justify-content: space-between;
      gap: 10px;
    }
    button:disabled {
      color: #6b7682;
    }
    input,
    select,
    textarea {
      padding: 8px 10px;
    }
    kbd {
      font:
        600 0.8rem/1 ui-monospace,
        'DejaVu Sans Mono',
        monospace;
      padding: 3px 6px;
      border: 1px solid currentColor;
      border-bottom-width: 2px;
      border-radius: 4px;
      opacity: 0.9;
    }
    .error {
      margin: 10px 0 0;
      padding: 10px 12px;
    }
  `,
];
