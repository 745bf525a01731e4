import { css } from 'lit';

/**
 * Shared look of the lobby screen, as custom properties on :host of the root element: read from
 * 10 m away, so very large type, white and amber on a dark navy ground (contrast above 12:1).
 */
export const theme = css`
  :host {
    --display-bg: #0a1628;
    --display-panel: #132642;
    --display-panel-edge: #24406a;
    --display-text: #ffffff;
    --display-muted: #c9d5e6;
    --display-accent: #ffd23f;
    --display-accent-text: #0a1628;
    --display-warn: #ffb020;
    --display-font:
      'Inter', 'Segoe UI', 'Roboto', 'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif;
    --display-radius: 24px;
  }
`;
