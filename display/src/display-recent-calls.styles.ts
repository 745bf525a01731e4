import { css } from 'lit';

/** Styles of `<display-recent-calls>`. */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: hidden;
    padding: 20px 28px;
    border-radius: var(--display-radius);
    background: var(--display-panel);
    border: 4px solid var(--display-panel-edge);
  }
  h2 {
    margin: 0 0 12px;
    font-size: 40px;
    font-weight: 800;
  }
  h2 span {
    display: block;
    font-size: 28px;
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
    gap: 20px;
    padding: 2px 16px;
    border-bottom: 3px solid var(--display-panel-edge);
    font-size: 54px;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  li:last-child {
    border-bottom: 0;
  }
  li.flashing {
    border-radius: 14px;
    background: var(--display-accent);
    color: var(--display-accent-text);
  }
  .counter {
    font-size: 40px;
    font-weight: 700;
  }
  .empty {
    margin: 24px 0 0;
    font-size: 40px;
    color: var(--display-muted);
  }
  .empty span {
    display: block;
    font-size: 30px;
  }
`;
