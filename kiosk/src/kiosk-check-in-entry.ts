import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import { CheckInClient } from './kiosk-check-in-client.js';
import { checkInText } from './kiosk-check-in-text.js';

/**
 * The start screen's "Randevum var" button, shown once the hall is known to take appointments
 * (a hall without bookable services keeps its whole screen for the services). Fires `check-in`.
 */
@customElement('kiosk-check-in-entry')
export class KioskCheckInEntry extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    button {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: center;
      column-gap: var(--kiosk-pad);
      row-gap: 0.6vmin;
      width: 100%;
      min-height: var(--kiosk-touch);
      padding: 1.2vmin var(--kiosk-pad);
      border: 0.6vmin solid var(--kiosk-service);
      border-radius: var(--kiosk-radius);
      background: var(--kiosk-surface);
      color: var(--kiosk-ink);
      font: inherit;
      text-align: center;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:active:not(:disabled) {
      background: var(--kiosk-bg);
    }
    button:disabled {
      cursor: not-allowed;
      border-color: #c9d1db;
      color: #2b3440;
      background: #c9d1db;
    }
    button:focus-visible {
      outline: 6px solid var(--kiosk-focus);
      outline-offset: 4px;
    }
    .title {
      font-size: var(--kiosk-text-l);
      font-weight: 800;
    }
    .hint {
      font-size: var(--kiosk-text-s);
    }
  `;

  @property() language: Lang = 'tr';
  @property({ type: Boolean }) disabled = false;

  @state() private _offered = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void new CheckInClient().offered().then((offered) => (this._offered = offered));
  }

  override render() {
    if (!this._offered) return null;
    const text = checkInText(this.language);
    return html`<button
      type="button"
      data-testid="check-in-entry"
      ?disabled=${this.disabled}
      @click=${this._click}
    >
      <span class="title">${text.entry}</span>
      <span class="hint">${text.entryHint}</span>
    </button>`;
  }

  private _click(): void {
    this.dispatchEvent(new CustomEvent('check-in', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-check-in-entry': KioskCheckInEntry;
  }
}
