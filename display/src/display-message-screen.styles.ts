import { css } from 'lit';

/** Styles of `<display-message-screen>`. */
export const styles = css`
  :host {
    grid-row: 1 / -1;
    display: grid;
    place-items: center;
  }
  .message {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 3vmin;
    padding: 6vmin;
    text-align: center;
  }
  .mark {
    width: 16vmin;
    height: 16vmin;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 11vmin;
    font-weight: 900;
    background: var(--display-warn);
    color: var(--display-accent-text);
  }
  h1 {
    margin: 0;
    font-size: min(9vmin, 7vw);
    line-height: 1.1;
    font-weight: 800;
  }
  .en {
    display: block;
    margin-top: 1.5vmin;
    font-size: min(5.4vmin, 4.2vw);
    font-weight: 600;
    color: var(--display-muted);
  }
  p {
    margin: 0;
    max-width: 36em;
    font-size: 3.6vmin;
    line-height: 1.35;
    color: var(--display-muted);
  }
`;
