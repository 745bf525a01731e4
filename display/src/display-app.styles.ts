import { css } from 'lit';
import { theme } from './theme.js';

/** Styles of `<display-app>`. */
export const styles = [
  theme,
  css`
    :host {
      display: grid;
      grid-template-rows: auto 1fr auto;
      gap: 24px;
      box-sizing: border-box;
      height: 100vh;
      padding: 28px 40px 32px;
      background: var(--display-bg);
      color: var(--display-text);
      font-family: var(--display-font);
      overflow: hidden;
    }
    header {
      position: relative;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 40px;
      border-bottom: 4px solid var(--display-panel-edge);
      padding-bottom: 18px;
    }
    header display-connection-badge {
      position: absolute;
      left: 50%;
      top: 100%;
      transform: translate(-50%, -50%);
    }
    h1 {
      margin: 0;
      font-size: 52px;
      line-height: 1.1;
      font-weight: 800;
    }
    .middle {
      display: grid;
      grid-template-columns: 1fr 560px;
      gap: 32px;
      min-height: 0;
    }
  `,
];
