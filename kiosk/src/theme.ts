import { css } from 'lit';

/**
 * The kiosk's colours and sizes. Sizes scale with the shorter screen side (`vmin`), so the
 * 1080×1920 portrait and 1920×1080 landscape kiosks look the same; minimums keep touch targets
 * at least 64 px. Colour pairs keep at least 7:1 contrast.
 */
export const kioskTheme = css`
  :host {
    --kiosk-font: 'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif;
    --kiosk-bg: #eef2f7;
    --kiosk-ink: #0b1a2e;
    --kiosk-muted: #36465a;
    --kiosk-surface: #ffffff;
    --kiosk-bar: #0b1a2e;
    --kiosk-bar-ink: #ffffff;
    --kiosk-service: #0b4f8a;
    --kiosk-service-ink: #ffffff;
    --kiosk-service-active: #083a66;
    --kiosk-priority: #5e1a8c;
    --kiosk-priority-ink: #ffffff;
    --kiosk-priority-active: #461268;
    --kiosk-badge: #ffffff;
    --kiosk-badge-ink: #0b1a2e;
    --kiosk-danger: #a3001b;
    --kiosk-danger-ink: #ffffff;
    --kiosk-success: #0a6630;
    --kiosk-success-ink: #ffffff;
    --kiosk-focus: #ffb000;
    --kiosk-radius: 2.2vmin;
    --kiosk-gap: 2.2vmin;
    --kiosk-pad: 3.5vmin;
    --kiosk-text-xl: max(40px, 5.6vmin);
    --kiosk-text-l: max(30px, 4.2vmin);
    --kiosk-text-m: max(22px, 3vmin);
    --kiosk-text-s: max(18px, 2.4vmin);
    --kiosk-touch: max(64px, 9vmin);
  }
`;
