import { css } from 'lit';
import { theme } from './theme.js';

/**
 * Styles of `<display-app>`: header, the board with the recent calls beside it (landscape) or
 * beneath it (portrait), the waiting lines along the bottom. Sizes follow the screen (vmin).
 */
export const styles = [
  theme,
  css`
    :host {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr) auto;
      gap: 1.4vmin;
      box-sizing: border-box;
      height: 100vh;
      height: 100dvh;
      padding: 1.4vmin 2.4vmin;
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
      gap: 3vmin;
      min-width: 0;
      border-bottom: var(--display-edge) solid var(--display-panel-edge);
      padding-bottom: 0.8vmin;
    }
    header display-connection-badge {
      position: absolute;
      left: 50%;
      top: 100%;
      transform: translate(-50%, -50%);
    }
    h1 {
      margin: 0;
      min-width: 0;
      font-size: 4vmin;
      line-height: 1.15;
      font-weight: 800;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    display-clock {
      flex: none;
    }
    .middle {
      display: grid;
      grid-template-columns: minmax(0, 1fr) min(37vmin, 30vw);
      gap: 1.6vmin;
      min-height: 0;
    }
    @media (orientation: portrait) {
      .middle {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: minmax(0, 1fr) auto;
      }
    }
  `,
];
