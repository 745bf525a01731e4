import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { text } from './i18n.js';

/** A discreet pill while the link to the server is down; the board stays as it was. */
@customElement('display-connection-badge')
export class DisplayConnectionBadge extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 1.2vmin;
      padding: 0.8vmin 2vmin;
      border-radius: 999px;
      background: var(--display-warn);
      color: var(--display-accent-text);
      font-size: 2.6vmin;
      font-weight: 700;
      white-space: nowrap;
    }
    .dot {
      width: 1.6vmin;
      height: 1.6vmin;
      border-radius: 50%;
      border: 0.4vmin solid currentColor;
      border-right-color: transparent;
      animation: spin 1.2s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none;
      }
    }
  `;

  override render() {
    return html`<span class="dot" aria-hidden="true"></span
      ><span role="status"
        >${text.reconnecting.tr} / <span lang="en">${text.reconnecting.en}</span></span
      >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-connection-badge': DisplayConnectionBadge;
  }
}
