import { css } from 'lit';

/**
 * Styles of `<display-counter-sign>`: the counter beside the ticket on a landscape panel, above it
 * on a portrait one. Type is sized from each box (container units) and from how many characters
 * must fit across it (`--number-ems`, `--ticket-ems`, `--word-ems` set by the element), so an
 * 800×480 panel and a 1920×1080 TV both show the number as large as it fits.
 */
export const styles = css`
  /* A row beneath the sign for the reconnecting badge, empty while online: it covers nothing. */
  :host {
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
    height: 100%;
  }
  .sign {
    box-sizing: border-box;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 2.4fr);
    gap: 2.5vmin;
    padding: 2.5vmin;
  }
  @media (orientation: portrait) {
    .sign {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) minmax(0, 2fr);
    }
  }
  section {
    container-type: size;
    min-width: 0;
    min-height: 0;
    box-sizing: border-box;
    display: grid;
    grid-template-rows: auto minmax(0, 1fr) auto;
    justify-items: center;
    align-items: center;
    padding: 3cqh 4cqw;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: var(--display-edge) solid var(--display-panel-edge);
    overflow: hidden;
    --sign-muted: var(--display-muted);
  }
  .label {
    max-width: 100%;
    font-size: max(2.6vmin, min(8cqh, 92cqw / 16));
    line-height: 1.2;
    font-weight: 600;
    color: var(--sign-muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .ticket.with-ticket {
    grid-template-rows: auto minmax(0, 1fr) auto auto;
  }
  .label.line {
    font-size: max(2.6vmin, min(7cqh, 92cqw / var(--line-ems)));
  }
  .counter {
    grid-template-rows: auto minmax(0, 1fr);
  }
  .counter-label {
    text-align: center;
    font-size: max(2.6vmin, min(9cqh, 90cqw / 5));
  }
  .number {
    padding: 0.04em 0.18em;
    border-radius: 0.14em;
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    font-size: min(60cqh, 90cqw / var(--number-ems));
    background: var(--display-accent);
    color: var(--display-accent-text);
  }
  .ticket-number {
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    font-size: min(56cqh, 90cqw / var(--ticket-ems));
  }
  /* No ticket: the state in words, Turkish large, English beneath, in the middle. */
  .ticket.words {
    grid-template-rows: auto auto;
    align-content: center;
  }
  .word {
    line-height: 1.1;
    font-weight: 800;
    white-space: nowrap;
    font-size: min(34cqh, 90cqw / var(--word-ems));
  }
  .word.en {
    font-weight: 600;
    font-size: min(16cqh, 90cqw / var(--word-ems) / 1.8);
    color: var(--sign-muted);
  }
  .ticket.closed .word,
  .ticket.paused .word {
    color: var(--display-muted);
  }

  /* A call or recall blinks between two high-contrast faces, without fades, for a few seconds. */
  .ticket.flashing {
    border-color: var(--display-accent);
    animation: flash 1s steps(1, end) 6;
  }
  @keyframes flash {
    0% {
      background: var(--display-accent);
      color: var(--display-accent-text);
      --sign-muted: var(--display-accent-text);
    }
    50% {
      background: var(--display-panel);
      color: var(--display-text);
      --sign-muted: var(--display-muted);
    }
  }
  /* Without motion: the same highlight held still while the call is new. */
  @media (prefers-reduced-motion: reduce) {
    .ticket.flashing {
      animation: none;
      background: var(--display-accent);
      color: var(--display-accent-text);
      --sign-muted: var(--display-accent-text);
    }
  }
  display-connection-badge {
    justify-self: center;
    margin-bottom: 1.5vmin;
  }
`;
