import { css } from 'lit';

/** Buttons, cards, fields and key hints shared by the counter's elements. */
export const sharedStyles = css`
  :host {
    font-family: var(--counter-font);
    color: var(--counter-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    background: var(--counter-surface);
    border: 1px solid var(--counter-border);
    border-radius: var(--counter-radius);
    padding: 16px 18px;
  }
  h2 {
    font-size: 1rem;
    text-transform: none;
    letter-spacing: 0.02em;
    color: var(--counter-muted);
    margin: 0 0 10px;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 44px;
    padding: 8px 14px;
    border-radius: 8px;
    border: 1px solid var(--counter-accent);
    background: var(--counter-surface);
    color: var(--counter-accent-strong);
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: space-between;
    gap: 10px;
  }
  button:hover:not(:disabled) {
    background: var(--counter-neutral-bg);
  }
  button.primary {
    background: var(--counter-accent);
    color: var(--counter-on-accent);
  }
  button.primary:hover:not(:disabled) {
    background: var(--counter-accent-strong);
  }
  button:disabled {
    cursor: not-allowed;
    border-color: var(--counter-border);
    background: var(--counter-bg);
    color: #6b7682;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--counter-focus);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--counter-muted);
    border-radius: 8px;
    background: var(--counter-surface);
    color: var(--counter-text);
  }
  label {
    font-weight: 600;
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
    border-radius: 8px;
    background: var(--counter-red-bg);
    color: var(--counter-red-text);
    border-left: 5px solid var(--counter-red-edge);
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
