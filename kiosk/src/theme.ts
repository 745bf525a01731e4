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
  /*
   * "Büyük yazı / Yüksek karşıtlık": every text about 1.35 times larger, and light on black with
   * yellow services (at least 15:1), for a low-vision or elderly visitor. The grid of issue 16
   * reflows with the larger text (fewer columns, and the list scrolls with its cue).
   */
  :host([large]) {
    --kiosk-bg: #000000;
    --kiosk-ink: #ffffff;
    --kiosk-muted: #ffffff;
    --kiosk-surface: #000000;
    --kiosk-bar: #000000;
    --kiosk-bar-ink: #ffffff;
    --kiosk-service: #ffe14d;
    --kiosk-service-ink: #000000;
    --kiosk-service-active: #b89d00;
    --kiosk-priority: #7fe7ff;
    --kiosk-priority-ink: #000000;
    --kiosk-priority-active: #1fb5d6;
    --kiosk-badge: #000000;
    --kiosk-badge-ink: #ffffff;
    --kiosk-danger: #ffb3b3;
    --kiosk-danger-ink: #000000;
    --kiosk-success: #8dff9e;
    --kiosk-success-ink: #000000;
    --kiosk-focus: #ff5cf4;
    --kiosk-card-border: 3px solid #ffffff;
    --visitor-lang-on: #ffffff;
    --visitor-lang-on-ink: #000000;
    --kiosk-text-xl: max(54px, 7.4vmin);
    --kiosk-text-l: max(40px, 5.6vmin);
    --kiosk-text-m: max(30px, 4vmin);
    --kiosk-text-s: max(26px, 3.3vmin);
    --kiosk-touch: max(88px, 11vmin);
    --kiosk-service-name: max(34px, 4.4vmin);
    --kiosk-service-figures: max(26px, 3.3vmin);
    --kiosk-service-prefix: max(34px, 5vmin);
    --kiosk-prefix-box: max(68px, 9.5vmin);
    --kiosk-more-height: 88px;
  }
`;
