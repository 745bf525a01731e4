import { css } from 'lit';

/** Styles of `<display-sound-overlay>`. */
export const styles = css`
  :host {
    position: fixed;
    inset: 0;
    z-index: 10;
    display: block;
  }
  button {
    width: 100%;
    height: 100%;
    border: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2.6vmin;
    padding: 4vmin;
    box-sizing: border-box;
    text-align: center;
    background: rgb(5 12 24 / 0.92);
    color: var(--display-text);
    font: inherit;
    cursor: pointer;
  }
  .icon {
    width: 18vmin;
    height: 18vmin;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: var(--display-accent);
    color: var(--display-accent-text);
  }
  .icon svg {
    width: 60%;
    height: 60%;
  }
  .tr {
    font-size: min(8.8vmin, 7vw);
    font-weight: 800;
  }
  .en {
    font-size: min(5.2vmin, 4.4vw);
    font-weight: 600;
    color: var(--display-muted);
  }
  .help {
    font-size: 3.1vmin;
    color: var(--display-muted);
  }
  button:focus-visible {
    outline: 0.8vmin solid var(--display-accent);
    outline-offset: -1.6vmin;
  }
`;
