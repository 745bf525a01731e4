import { css } from 'lit';

/** Styles of `<display-counter-card>`. */
export const styles = css`
  :host {
    display: block;
    container-type: size;
    min-height: 0;
  }
  .card {
    box-sizing: border-box;
    height: 100%;
    display: flex;
    flex-direction: column;
    padding: 10px 28px 14px;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: 4px solid var(--display-panel-edge);
  }
  .labels,
  .values {
    display: flex;
    justify-content: space-between;
    gap: 24px;
  }
  .labels {
    font-size: max(18px, 10cqh);
    font-weight: 600;
    color: var(--card-muted, var(--display-muted));
    text-transform: uppercase;
    white-space: nowrap;
  }
  .values {
    flex: 1;
    align-items: center;
    min-height: 0;
  }
  .ticket,
  .number {
    font-size: min(56cqh, 19cqw);
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .number {
    min-width: 1.1em;
    padding: 0.04em 0.18em;
    border-radius: 16px;
    text-align: center;
    background: var(--card-badge-bg, var(--display-accent));
    color: var(--card-badge-fg, var(--display-accent-text));
  }
  .ticket.idle {
    color: var(--card-muted, var(--display-muted));
    font-size: min(36cqh, 12cqw);
    font-weight: 700;
  }
  /* A new call blinks between two high-contrast faces, switching without fades. */
  .card.flashing {
    border-color: var(--display-accent);
    animation: flash 1s steps(1, end) infinite;
  }
  @keyframes flash {
    0% {
      background: var(--display-accent);
      color: var(--display-accent-text);
      --card-muted: var(--display-accent-text);
      --card-badge-bg: var(--display-accent-text);
      --card-badge-fg: var(--display-accent);
    }
    50% {
      background: var(--display-panel);
      color: var(--display-text);
      --card-muted: var(--display-muted);
      --card-badge-bg: var(--display-accent);
      --card-badge-fg: var(--display-accent-text);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .card.flashing {
      animation: none;
      background: var(--display-accent);
      color: var(--display-accent-text);
      --card-muted: var(--display-accent-text);
      --card-badge-bg: var(--display-accent-text);
      --card-badge-fg: var(--display-accent);
    }
  }
`;
