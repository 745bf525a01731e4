import { css } from 'lit';

/**
 * Styles of `<kiosk-service-grid>`. Columns reflow with the width the grid gets (a column is
 * never narrower than about 12 em of button text); rows grow with their text and share the
 * height left. When the buttons need more height than the screen has, the list scrolls and a cue
 * button beneath it says so (and scrolls on a tap, for visitors who do not know to swipe).
 */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--kiosk-gap);
    min-height: 0;
    font-size: var(--kiosk-text-m);
  }
  .scroller {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    /* Room for the buttons' shadow and focus ring inside the scroll box. */
    padding: 0.8vmin 0.8vmin 1.6vmin;
    margin: -0.8vmin;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--kiosk-gap);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
    /* Rows as tall as their text, stretched to share what is left of the screen. */
    grid-auto-rows: auto;
    align-content: stretch;
    min-height: 100%;
  }
  li {
    display: flex;
    min-width: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }
  .service {
    flex: 1;
    min-width: 0;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    align-content: center;
    gap: 0.6vmin var(--kiosk-gap);
    min-height: var(--kiosk-touch, max(64px, 9vmin));
    padding: 1.4vmin var(--kiosk-pad);
    border: 0;
    border-radius: var(--kiosk-radius);
    background: var(--kiosk-service);
    color: var(--kiosk-service-ink);
    text-align: start;
    box-shadow: 0 0.6vmin 0 var(--kiosk-service-active);
  }
  .service:active:not(:disabled) {
    background: var(--kiosk-service-active);
    transform: translateY(0.4vmin);
    box-shadow: 0 0.2vmin 0 var(--kiosk-service-active);
  }
  button:focus-visible {
    outline: 6px solid var(--kiosk-focus);
    outline-offset: -6px;
  }
  .service:disabled {
    cursor: not-allowed;
    background: #c9d1db;
    color: #2b3440;
    box-shadow: none;
  }
  .prefix {
    grid-row: span 2;
    display: grid;
    place-items: center;
    min-width: var(--kiosk-prefix-box, max(52px, 7.5vmin));
    height: var(--kiosk-prefix-box, max(52px, 7.5vmin));
    padding: 0 0.2em;
    box-sizing: border-box;
    border-radius: max(26px, 3.75vmin);
    background: var(--kiosk-badge);
    color: var(--kiosk-badge-ink);
    font-size: var(--kiosk-service-prefix, max(26px, 3.8vmin));
    font-weight: 800;
    white-space: nowrap;
  }
  .name {
    font-size: var(--kiosk-service-name, max(24px, 3.2vmin));
    font-weight: 800;
    line-height: 1.15;
    overflow-wrap: anywhere;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4em;
    font-size: var(--kiosk-service-figures, max(19px, 2.4vmin));
    line-height: 1.3;
  }
  .figures strong {
    font-weight: 800;
  }
  .more {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.6em;
    min-height: var(--kiosk-more-height, 64px);
    padding: 0 var(--kiosk-pad);
    border: 3px dashed var(--kiosk-service);
    border-radius: var(--kiosk-radius);
    background: var(--kiosk-surface);
    color: var(--kiosk-service);
    font-size: var(--kiosk-text-m);
    font-weight: 800;
  }
  .arrow {
    font-size: 1.4em;
    line-height: 1;
  }
  @media (prefers-reduced-motion: no-preference) {
    .more .arrow {
      animation: nudge 1.6s ease-in-out infinite;
    }
  }
  @keyframes nudge {
    50% {
      transform: translateY(0.2em);
    }
  }
`;
