import { css } from 'lit';

/** Styles of `<display-waiting-list>`. */
export const styles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 10px;
    font-size: 32px;
    font-weight: 800;
  }
  h2 span {
    margin-left: 12px;
    font-size: 26px;
    font-weight: 600;
    color: var(--display-muted);
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
    gap: 16px;
  }
  li {
    display: grid;
    grid-template-columns: auto 1fr;
    grid-template-rows: 1fr auto;
    gap: 10px 12px;
    padding: 14px 16px;
    border-radius: 18px;
    background: var(--display-panel);
    border: 3px solid var(--display-panel-edge);
    min-width: 0;
  }
  .prefix {
    display: grid;
    place-items: center;
    width: 54px;
    height: 54px;
    border-radius: 12px;
    background: var(--display-text);
    color: var(--display-bg);
    font-size: 38px;
    font-weight: 800;
  }
  .name {
    align-self: center;
    min-width: 0;
    font-size: 25px;
    font-weight: 700;
    line-height: 1.1;
  }
  .name span {
    display: block;
    margin-top: 2px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 19px;
    font-weight: 500;
    color: var(--display-muted);
  }
  .figures {
    grid-column: 1 / -1;
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 8px;
    white-space: nowrap;
  }
  .count {
    font-size: 38px;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
  }
  .wait {
    font-size: 28px;
    font-weight: 700;
    color: var(--display-accent);
  }
  .none {
    font-size: 28px;
    line-height: 48px;
    color: var(--display-muted);
  }
`;
