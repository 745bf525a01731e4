import { css } from 'lit';

/** Layout of the kiosk: header, banners, and the screen filling the rest. */
export const kioskAppStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: 100vh;
    height: 100dvh;
    overflow: hidden;
    background: var(--kiosk-bg);
    color: var(--kiosk-ink);
    font-family: var(--kiosk-font);
    user-select: none;
    -webkit-user-select: none;
    -webkit-tap-highlight-color: transparent;
    --kiosk-grid-columns: 1;
    --visitor-lang-size: var(--kiosk-touch);
    --visitor-lang-focus: var(--kiosk-focus);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--kiosk-gap);
    padding: 1.6vmin var(--kiosk-pad);
    background: var(--kiosk-bar);
    color: var(--kiosk-bar-ink);
    font-size: var(--kiosk-text-m);
  }
  .hall {
    font-weight: 800;
    font-size: var(--kiosk-text-m);
  }
  kiosk-banner {
    margin: var(--kiosk-gap) var(--kiosk-pad) 0;
  }
  kiosk-help-bar {
    flex: none;
  }
  kiosk-audio-guide {
    flex: 1;
    min-height: 0;
  }
  main {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 1.2vmin;
    padding: var(--kiosk-pad);
  }
  main.notice {
    justify-content: center;
    --kiosk-notice-title: var(--kiosk-text-xl);
    --kiosk-notice-body: var(--kiosk-text-m);
    --kiosk-notice-mark: max(96px, 14vmin);
    --kiosk-notice-tone: var(--kiosk-danger);
  }
  main.connecting {
    --kiosk-notice-tone: var(--kiosk-service);
  }
  h1 {
    margin: 0;
    font-size: var(--kiosk-text-xl);
    line-height: 1.1;
  }
  .hint {
    margin: 0 0 1.2vmin;
    font-size: var(--kiosk-text-m);
    color: var(--kiosk-muted);
  }
  .start-grid {
    flex: 1;
    min-height: 0;
    display: grid;
    gap: calc(var(--kiosk-gap) * 1.5);
    grid-template-rows: minmax(0, 1fr) auto;
  }
  kiosk-service-grid {
    min-height: 0;
  }
  .fill,
  kiosk-priority-picker,
  kiosk-confirmation {
    flex: 1;
    min-height: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    touch-action: manipulation;
  }
  button:focus-visible {
    outline: 6px solid var(--kiosk-focus);
    outline-offset: 4px;
  }
  .priority-entry {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 1vmin;
    min-height: max(80px, 10vmin);
    padding: 1.4vmin var(--kiosk-pad);
    border: 0.6vmin solid var(--kiosk-priority-active);
    border-radius: var(--kiosk-radius);
    background: var(--kiosk-priority);
    color: var(--kiosk-priority-ink);
    text-align: start;
    box-shadow: 0 0.6vmin 0 var(--kiosk-priority-active);
  }
  .priority-entry:active:not(:disabled) {
    background: var(--kiosk-priority-active);
  }
  .priority-entry:disabled {
    cursor: not-allowed;
    background: #c9d1db;
    border-color: #c9d1db;
    color: #2b3440;
    box-shadow: none;
  }
  .priority-title {
    font-size: var(--kiosk-text-xl);
    font-weight: 800;
  }
  .priority-hint {
    font-size: var(--kiosk-text-m);
  }
  .chosen {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--kiosk-gap);
  }
  .back {
    min-height: var(--kiosk-touch);
    padding: 0 var(--kiosk-pad);
    border: 3px solid var(--kiosk-ink);
    border-radius: var(--kiosk-radius);
    background: var(--kiosk-surface);
    color: var(--kiosk-ink);
    font-size: var(--kiosk-text-m);
    font-weight: 700;
  }
  .priority-badge {
    padding: 1vmin 2.4vmin;
    border-radius: 999px;
    background: var(--kiosk-priority);
    color: var(--kiosk-priority-ink);
    font-size: var(--kiosk-text-m);
    font-weight: 700;
  }
  .issuing {
    position: fixed;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgb(11 26 46 / 0.72);
    color: #ffffff;
    font-size: var(--kiosk-text-xl);
    font-weight: 800;
  }
  /* A landscape panel (1366×768, 1920×1080): the hint goes, the buttons keep the height. */
  @media (max-height: 1100px) and (orientation: landscape) {
    .hint {
      display: none;
    }
  }
  @media (orientation: landscape) {
    :host {
      --kiosk-grid-columns: 2;
    }
    .priority-entry {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: baseline;
      column-gap: var(--kiosk-pad);
      justify-content: center;
      text-align: center;
    }
    kiosk-priority-picker {
      --kiosk-grid-columns: 2;
    }
  }
`;
