import { css } from 'lit';

/** Buttons, cards, fields, tables and notices shared by the manager page's elements. */
export const sharedStyles = css`
  :host {
    font-family: var(--manager-font);
    color: var(--manager-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--manager-surface);
    border: 1px solid var(--manager-border);
    border-radius: var(--manager-radius);
    padding: 14px 16px;
  }
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
    font: inherit;
    font-weight: 600;
    min-height: 40px;
    padding: 6px 14px;
    border-radius: 8px;
    border: 1px solid var(--manager-accent);
    background: var(--manager-surface);
    color: var(--manager-accent-strong);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    text-decoration: none;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--manager-neutral-bg);
  }
  button.primary {
    background: var(--manager-accent);
    color: var(--manager-on-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--manager-accent-strong);
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
  button:disabled {
    cursor: not-allowed;
    border-color: var(--manager-border);
    background: var(--manager-bg);
    color: #5f6b77;
  }
  button:focus-visible,
  .button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--manager-focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 40px;
    padding: 6px 10px;
    border: 1px solid var(--manager-muted);
    border-radius: 8px;
    background: var(--manager-surface);
    color: var(--manager-text);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--manager-red-edge);
  }
  label {
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 6px 10px;
    border-bottom: 1px solid var(--manager-border);
    vertical-align: middle;
  }
  thead th {
    font-size: 0.85rem;
    color: var(--manager-muted);
    font-weight: 700;
  }
  tbody th,
  tfoot th {
    font-weight: 600;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--manager-muted);
  }
  .error {
    margin: 8px 0 0;
    padding: 8px 12px;
    border-radius: 8px;
    background: var(--manager-red-bg);
    color: var(--manager-red-text);
    border-left: 5px solid var(--manager-red-edge);
    font-weight: 600;
  }
  .notice {
    margin: 8px 0 0;
    padding: 8px 12px;
    border-radius: 8px;
    background: var(--manager-amber-bg);
    color: var(--manager-amber-text);
    border-left: 5px solid var(--manager-amber-edge);
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
