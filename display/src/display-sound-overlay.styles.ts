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
    gap: 28px;
    background: rgb(5 12 24 / 0.92);
    color: var(--display-text);
    font: inherit;
    cursor: pointer;
  }
  .icon {
    width: 200px;
    height: 200px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    background: var(--display-accent);
    color: var(--display-accent-text);
  }
  .tr {
    font-size: 96px;
    font-weight: 800;
  }
  .en {
    font-size: 56px;
    font-weight: 600;
    color: var(--display-muted);
  }
  .help {
    font-size: 34px;
    color: var(--display-muted);
  }
  button:focus-visible {
    outline: 8px solid var(--display-accent);
    outline-offset: -16px;
  }
`;
