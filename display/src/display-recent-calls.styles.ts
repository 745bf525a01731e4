import { css } from 'lit';

/**
 * Styles of `<display-recent-calls>`: a column beside the board (landscape), sized by its own
 * box so six rows always fit; a band of 3 × 2 beneath the board (portrait).
 */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
    box-sizing: border-box;
    overflow: hidden;
    padding: 1.4vmin 1.8vmin;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: var(--display-edge) solid var(--display-panel-edge);
    container-type: size;
    --row: min(5vmin, 11cqw, 8.5cqh);
  }
  h2 {
    margin: 0 0 0.8vmin;
    font-size: min(3.2vmin, 10cqw);
    line-height: 1.15;
    font-weight: 800;
  }
  h2 span {
    display: block;
    font-size: min(2.2vmin, 8cqw);
    font-weight: 600;
    color: var(--display-muted);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.4em;
    padding: 0.1em 0.3em;
    border-bottom: var(--display-edge) solid var(--display-panel-edge);
    font-size: var(--row);
    line-height: 1.15;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  li:last-child {
    border-bottom: 0;
  }
  /* A line break after the number and counter: a booked visitor's mark (ordered after it) gets
     a line of its own, whole at the labels' size; other rows keep one line (the break is empty). */
  li {
    flex-wrap: wrap;
    row-gap: 0;
  }
  li::after {
    content: '';
    flex-basis: 100%;
  }
  li.flashing {
    border-radius: 0.25em;
    background: var(--display-accent);
    color: var(--display-accent-text);
  }
  .counter {
    font-size: 0.7em;
    font-weight: 700;
  }
  /* A booked visitor's call: a small "Randevu" under the number, never below the 1.8vmin the
     hall's labels keep, so it is read from a few metres away; it shrinks before the row does. */
  .mark {
    order: 1;
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    margin-right: auto;
    padding: 0.05em 0.3em;
    border-radius: 0.2em;
    border: var(--display-edge) solid currentColor;
    font-size: max(1.8vmin, 0.45em);
    font-weight: 700;
  }
  .empty {
    margin: 1.6vmin 0 0;
    font-size: min(3.2vmin, 10cqw);
    color: var(--display-muted);
  }
  .empty span {
    display: block;
    font-size: 0.8em;
  }
  @media (orientation: portrait) {
    :host {
      container-type: inline-size;
      --row: min(4.4vmin, 3.6cqw);
    }
    h2 span {
      display: inline;
      margin-left: 0.5em;
    }
    ol {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      gap: 0.6vmin 2vmin;
    }
    li,
    li:last-child {
      border-bottom: var(--display-edge) solid var(--display-panel-edge);
    }
  }
`;
