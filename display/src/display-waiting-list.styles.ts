import { css } from 'lit';

/**
 * Styles of `<display-waiting-list>`: one tile per service, two lines high (Turkish name and
 * count, English name and estimate), in as few evenly filled rows as the screen's shape allows.
 * Long names end in an ellipsis; the figures never do.
 */
export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.5vmin;
    font-size: 2.4vmin;
    line-height: 1.15;
    font-weight: 800;
  }
  h2 span {
    margin-left: 0.6em;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--display-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-template-columns: repeat(var(--cols-landscape), minmax(0, 1fr));
    gap: 1vmin;
  }
  @media (min-aspect-ratio: 2/1) {
    ul {
      grid-template-columns: repeat(var(--cols-wide), minmax(0, 1fr));
    }
  }
  @media (max-aspect-ratio: 3/2) {
    ul {
      grid-template-columns: repeat(var(--cols-square), minmax(0, 1fr));
    }
  }
  @media (max-aspect-ratio: 1/1) {
    ul {
      grid-template-columns: repeat(var(--cols-portrait), minmax(0, 1fr));
    }
  }
  li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-rows: auto auto;
    align-items: baseline;
    gap: 0 1.2vmin;
    min-width: 0;
    padding: 0.6vmin 1.4vmin;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: var(--display-edge) solid var(--display-panel-edge);
  }
  .prefix {
    grid-row: span 2;
    align-self: center;
    display: grid;
    place-items: center;
    min-width: 1.4em;
    height: 1.4em;
    padding: 0 0.15em;
    box-sizing: border-box;
    border-radius: 0.22em;
    background: var(--display-text);
    color: var(--display-bg);
    font-size: 3.6vmin;
    font-weight: 800;
    white-space: nowrap;
  }
  .name {
    grid-column: 2;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 2.5vmin;
    line-height: 1.2;
    font-weight: 700;
  }
  .name.en {
    grid-row: 2;
    font-size: 2.1vmin;
    font-weight: 500;
    color: var(--display-muted);
  }
  .count,
  .wait,
  .none {
    grid-column: 3;
    justify-self: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .count {
    grid-row: 1;
    font-size: 2.6vmin;
    line-height: 1.2;
    font-weight: 800;
  }
  .wait {
    grid-row: 2;
    font-size: 2.2vmin;
    line-height: 1.2;
    font-weight: 700;
    color: var(--display-accent);
  }
  .none {
    grid-row: 1 / span 2;
    align-self: center;
    font-size: 2.2vmin;
    color: var(--display-muted);
  }
`;
