import { css } from 'lit';

/** The booking page's look: the phone page's colours, large touch targets, one column. */
export const bookingStyles = css`
  :host {
    --ink: #0b1a2e;
    --muted: #36465a;
    --accent: #0b4f8a;
    --accent-ink: #ffffff;
    --ok: #0a6630;
    --danger: #a3001b;
    --focus: #ffb000;
    --surface: #ffffff;
    --line: #c9d1db;
    display: block;
    color: var(--ink);
    font-family: 'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif;
  }
  h2 {
    margin: 0 0 12px;
    font-size: 1.3rem;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 3px;
  }
  p {
    margin: 0 0 12px;
    line-height: 1.45;
  }
  .card {
    background: var(--surface);
    border-radius: 12px;
    padding: 16px;
    box-shadow: 0 1px 4px rgb(11 26 46 / 0.15);
  }
  .list {
    display: grid;
    gap: 10px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  button,
  .button {
    box-sizing: border-box;
    min-height: 48px;
    padding: 10px 16px;
    border: 2px solid var(--accent);
    border-radius: 10px;
    background: var(--surface);
    color: var(--accent);
    font: inherit;
    font-weight: 700;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
    touch-action: manipulation;
  }
  button.primary {
    background: var(--accent);
    color: var(--accent-ink);
    text-align: center;
  }
  button.danger {
    border-color: var(--danger);
    color: var(--danger);
  }
  button.danger.primary {
    background: var(--danger);
    color: #ffffff;
  }
  button:disabled {
    border-color: var(--line);
    color: var(--muted);
    background: #eef2f7;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .wide {
    width: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
    margin-top: 14px;
  }
  .back {
    min-height: 44px;
    margin-bottom: 12px;
    border-color: transparent;
    padding-inline: 4px;
  }
  .sub {
    display: block;
    font-weight: 400;
    color: var(--muted);
    font-size: 0.95rem;
  }
  .error {
    color: var(--danger);
    font-weight: 700;
  }
  .note {
    color: var(--ok);
    font-weight: 700;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
