import { css } from 'lit';

/**
 * Styles of `<display-counter-card>`. Every size is a share of the card (container units), capped
 * by how many characters must fit across it (`--ticket-ems`, `--row-ems` set by the element), so
 * a card never overflows whatever size the board gives it.
 */
export const styles = css`
  :host {
    display: block;
    container-type: size;
    min-height: 0;
    min-width: 0;
  }
  .card {
    box-sizing: border-box;
    height: 100%;
    display: grid;
    align-items: center;
    padding: 2.5cqh 4cqw;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: var(--display-edge) solid var(--display-panel-edge);
    overflow: hidden;
    /* Labels never below 1.8 % of the screen's short side: read from a few metres away. */
    --label-size: max(1.8vmin, min(9cqh, 90cqw / 21));
  }
  .label {
    font-size: var(--label-size);
    line-height: 1.15;
    font-weight: 600;
    color: var(--card-muted, var(--display-muted));
    white-space: nowrap;
  }
  .ticket {
    grid-area: ticket;
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .card .ticket.idle {
    color: var(--card-muted, var(--display-muted));
    font-size: min(30cqh, 62cqw / var(--idle-ems));
    font-weight: 700;
  }
  .number {
    min-width: 1.1em;
    padding: 0.04em 0.18em;
    border-radius: 0.18em;
    text-align: center;
    line-height: 1;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    background: var(--card-badge-bg, var(--display-accent));
    color: var(--card-badge-fg, var(--display-accent-text));
  }

  /* Wide card: the labels on top, ticket left, counter right, both as large as the card allows. */
  .card.row {
    grid-template: 'tlabel counter' auto 'ticket counter' 1fr / minmax(0, 1fr) auto;
    column-gap: 4cqw;
    --label-size: max(1.8vmin, min(9cqh, 90cqw / 24));
  }
  .row .ticket-label {
    grid-area: tlabel;
    align-self: start;
  }
  /* "Randevu · Appointment" is longer than "Sıra No · Ticket": sized to fit the same width. */
  .row .ticket-label.appointment {
    font-size: max(1.8vmin, min(9cqh, 90cqw / 32));
  }
  .row .counter {
    grid-area: counter;
    align-self: stretch;
    display: grid;
    grid-template-rows: auto 1fr;
    justify-items: end;
    align-items: center;
  }
  .row .counter-label {
    align-self: start;
  }
  .row .counter-label [lang='en']::before {
    content: '· ';
  }
  .row .ticket,
  .row .number {
    font-size: min(
      56cqh,
      90cqw / var(--row-ems),
      93cqh - 1.15 * max(1.8vmin, 9cqh) - 2 * var(--display-edge)
    );
  }

  /* Squarer card: label, the ticket across the card, then the counter beneath it. */
  .card.stacked {
    grid-template: 'tlabel' auto 'ticket' 1fr 'counter' auto / minmax(0, 1fr);
    justify-items: center;
    --label-size: max(1.8vmin, min(9cqh, 90cqw / 11));
  }
  /* On a narrow card the 1.8vmin floor can make the mark wider than the card: it then wraps
     after the dot ("Randevu ·" over "Appointment") rather than run past the card's edges. */
  .stacked .ticket-label.appointment {
    font-size: max(1.8vmin, min(9cqh, 90cqw / 15));
    max-width: 100%;
    white-space: normal;
    text-align: center;
  }
  .stacked .ticket-label.appointment [lang='en'] {
    white-space: nowrap;
  }
  .ticket-label.appointment {
    font-weight: 800;
    color: inherit;
  }
  .stacked .ticket {
    /* What the three label lines leave when their 1.8vmin floor makes them taller than 9cqh. */
    font-size: min(
      52cqh,
      90cqw / var(--ticket-ems),
      93cqh - 3.45 * max(1.8vmin, 9cqh) - 2 * var(--display-edge)
    );
  }
  /* The booked visitor's card keeps room for its mark's second line, only when the floor makes
     it wrap (1.8vmin above the 6cqw a one-line mark fits in); otherwise its number is the same
     size as every other card's. */
  .stacked .ticket-label.appointment ~ .ticket {
    font-size: min(
      52cqh,
      90cqw / var(--ticket-ems),
      93cqh - 3.45 * max(1.8vmin, 9cqh) - 2 *
        var(--display-edge) - clamp(0px, (1.8vmin - 6cqw) * 1000, 2.07vmin)
    );
  }
  .stacked .counter {
    grid-area: counter;
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .stacked .counter-label {
    display: flex;
    flex-direction: column;
    align-items: end;
    font-size: max(1.8vmin, min(9cqh, 90cqw / 12));
  }
  .stacked .number {
    font-size: min(18cqh, 90cqw / 7);
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
