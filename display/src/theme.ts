import { css } from 'lit';

/**
 * Shared look of the lobby screen, as custom properties on :host of the root element: read from
 * 10 m away, so very large type, white and amber on a dark navy ground (contrast above 12:1).
 * Every size on the display is a share of the screen (vmin, or of a card's box), never fixed
 * pixels: a 960×540 CSS viewport (a 1080p TV at DPR 2) and a 4K panel show the same picture.
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
    --display-radius: clamp(6px, 1.8vmin, 48px);
    --display-edge: max(2px, 0.3vmin);
  }
`;
