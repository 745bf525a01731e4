import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ServiceButton } from './state/service-buttons.js';

/** The big service buttons. Fires `service-select` with the service id. */
@customElement('kiosk-service-grid')
export class KioskServiceGrid extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--kiosk-gap);
      grid-template-columns: repeat(var(--kiosk-grid-columns, 1), minmax(0, 1fr));
      grid-auto-rows: 1fr;
      height: 100%;
    }
    li {
      display: flex;
    }
    button {
      flex: 1;
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      align-content: center;
      gap: 0.8vmin var(--kiosk-gap);
      min-height: max(64px, var(--kiosk-service-height, 14vmin));
      padding: 1.6vmin var(--kiosk-pad);
      border: 0;
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-service);
      color: var(--kiosk-service-ink);
      font: inherit;
      text-align: start;
      cursor: pointer;
      box-shadow: 0 0.6vmin 0 var(--kiosk-service-active);
      touch-action: manipulation;
      -webkit-tap-highlight-color: transparent;
    }
    button:active:not(:disabled) {
      background: var(--kiosk-service-active);
      transform: translateY(0.4vmin);
      box-shadow: 0 0.2vmin 0 var(--kiosk-service-active);
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    button:disabled {
      cursor: not-allowed;
      background: #c9d1db;
      color: #2b3440;
      box-shadow: none;
    }
    .prefix {
      grid-row: span 2;
      display: grid;
      place-items: center;
      width: max(56px, 9vmin);
      height: max(56px, 9vmin);
      border-radius: 50%;
      background: var(--kiosk-badge);
      color: var(--kiosk-badge-ink);
      font-size: var(--kiosk-text-l);
      font-weight: 800;
    }
    .name {
      font-size: var(--kiosk-text-l);
      font-weight: 800;
      line-height: 1.15;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.4em;
      font-size: var(--kiosk-text-m);
      line-height: 1.3;
    }
    .figures strong {
      font-weight: 800;
    }
    @media (orientation: landscape) {
      .figures {
        flex-direction: column;
      }
      .sep {
        display: none;
      }
    }
  `;

  /** The buttons to show, from `serviceButtons()`. */
  @property({ attribute: false }) buttons: ServiceButton[] = [];
  /** Accessible name of the list. */
  @property() label = '';

  override render() {
    return html`<ul aria-label=${this.label}>
      ${this.buttons.map(
        (b) =>
          html`<li>
            <button
              type="button"
              data-service=${b.serviceId}
              ?disabled=${b.disabled}
              @click=${() => this._select(b.serviceId)}
            >
              <span class="prefix" aria-hidden="true">${b.prefix}</span>
              <span class="name">${b.name}</span>
              <span class="figures">
                ${
                  b.note ??
                  html`<span>${b.waiting}</span><span class="sep" aria-hidden="true">·</span
                    ><strong>${b.wait}</strong>`
                }
              </span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _select(serviceId: string): void {
    this.dispatchEvent(
      new CustomEvent<string>('service-select', {
        detail: serviceId,
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-grid': KioskServiceGrid;
  }
}
