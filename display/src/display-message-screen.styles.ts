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
    gap: 32px;
    padding: 80px;
    text-align: center;
  }
  .mark {
    width: 180px;
    height: 180px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-size: 120px;
    font-weight: 900;
    background: var(--display-warn);
    color: var(--display-accent-text);
  }
  h1 {
    margin: 0;
    font-size: 104px;
    line-height: 1.1;
    font-weight: 800;
  }
  .en {
    display: block;
    margin-top: 16px;
    font-size: 60px;
    font-weight: 600;
    color: var(--display-muted);
  }
  p {
    margin: 0;
    max-width: 1400px;
    font-size: 40px;
    line-height: 1.35;
    color: var(--display-muted);
  }
`;
