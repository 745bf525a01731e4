import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The colours and sizes the shared staff elements draw with. Each page keeps its own palette
 * (`--counter-*`, `--manager-*` in its index.html, read by its own elements too); its shell maps
 * that palette onto these names once (`staffPalette`), and every element below it inherits them.
 */
const TOKENS = [
  'font',
  'bg',
  'surface',
  'text',
  'muted',
  'border',
  'accent',
  'accent-strong',
  'on-accent',
  'focus',
  'neutral-bg',
  'amber-bg',
  'amber-text',
  'amber-edge',
  'red-bg',
  'red-text',
  'red-edge',
  'ok-bg',
  'ok-text',
  'radius',
] as const;

/** `:host { --staff-accent: var(--manager-accent); … }`: a page's palette under the shared names. */
export function staffPalette(page: 'counter' | 'manager'): CSSResult {
  const lines = TOKENS.map((t) => `--staff-${t}: var(--${page}-${t});`).join('\n');
  return unsafeCSS(`:host {\n${lines}\n}`);
}

/**
 * Cards, buttons, fields, tables and notices as both staff pages draw them. A page sets
 * `--staff-control-height` (40px unless said) and `--staff-card-padding` for its own density.
 */
export const staffBaseStyles = css`
  :host {
    font-family: var(--staff-font);
    color: var(--staff-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--staff-surface);
    border: 1px solid var(--staff-border);
    border-radius: var(--staff-radius);
    padding: var(--staff-card-padding, 14px 16px);
  }
  button,
  .button {
    font: inherit;
    font-weight: 600;
    min-height: var(--staff-control-height, 40px);
    padding: 6px 14px;
    border-radius: 8px;
    border: 1px solid var(--staff-accent);
    background: var(--staff-surface);
    color: var(--staff-accent-strong);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    gap: 8px;
    text-decoration: none;
  }
  button:hover:not(:disabled),
  .button:hover {
    background: var(--staff-neutral-bg);
  }
  button.primary {
    background: var(--staff-accent);
    color: var(--staff-on-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--staff-accent-strong);
  }
  button:disabled {
    cursor: not-allowed;
    border-color: var(--staff-border);
    background: var(--staff-bg);
    color: #5f6b77;
  }
  button:focus-visible,
  .button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--staff-focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: var(--staff-control-height, 40px);
    padding: 6px 10px;
    border: 1px solid var(--staff-muted);
    border-radius: 8px;
    background: var(--staff-surface);
    color: var(--staff-text);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--staff-red-edge);
  }
  label {
    font-weight: 600;
  }
  .muted {
    color: var(--staff-muted);
  }
  .error,
  .notice,
  .ok {
    margin: 8px 0 0;
    padding: 8px 12px;
    border-radius: 8px;
    font-weight: 600;
  }
  .error {
    background: var(--staff-red-bg);
    color: var(--staff-red-text);
    border-left: 5px solid var(--staff-red-edge);
  }
  .notice {
    background: var(--staff-amber-bg);
    color: var(--staff-amber-text);
    border-left: 5px solid var(--staff-amber-edge);
  }
  .ok {
    background: var(--staff-ok-bg);
    color: var(--staff-ok-text);
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

/** Tables of figures and settings: rows ruled, headers muted, numbers right-aligned. */
export const staffTableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 6px 10px;
    border-bottom: 1px solid var(--staff-border);
    vertical-align: middle;
  }
  thead th {
    font-size: 0.85rem;
    color: var(--staff-muted);
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
`;
