import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';
import '../../ui/staff-booking.js';

const TEXT = {
  tr: { open: 'Telefonla randevu', close: 'Randevuları kapat' },
  en: { open: 'Booking by phone', close: 'Close appointments' },
};

/**
 * The counter's way to the phone-in bookings: a button under the clerk's work that opens the
 * booking panel below it (and closes it again), leaving the counter's own controls as they are.
 */
@customElement('counter-bookings')
export class CounterBookings extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    /* Closed, the button floats in the free corner under the actions: the counter's screen
       keeps its height (it fits 1366×768 without scrolling). */
    .closed {
      position: fixed;
      left: 20px;
      bottom: 16px;
      z-index: 1;
    }
    button {
      font: inherit;
      min-height: 44px;
      padding: 6px 16px;
    }
    .open {
      margin-top: 16px;
    }
    section {
      margin-top: 12px;
      padding: 12px 16px;
      border: 1px solid #bbb;
      border-radius: 8px;
    }
  `;

  /** The clerk's hall. */
  @property() hallId = '';
  /** The interface language. */
  @property() language: Lang = 'tr';

  @state() private _open = false;

  override render() {
    const t = TEXT[this.language];
    return html`<button
        type="button"
        class=${this._open ? 'open' : 'closed'}
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="counter-bookings-panel"
        @click=${() => (this._open = !this._open)}
      >
        ${this._open ? t.close : t.open}
      </button>
      ${
        this._open
          ? html`<section id="counter-bookings-panel" aria-label=${t.open}>
              <staff-booking .hallId=${this.hallId} .language=${this.language}></staff-booking>
            </section>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-bookings': CounterBookings;
  }
}
