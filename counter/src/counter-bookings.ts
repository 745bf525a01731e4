import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Lang } from '../../contract/domain.js';

const TEXT = {
  tr: {
    open: 'Telefonla randevu',
    close: 'Randevuları kapat',
    loading: 'Randevu paneli yükleniyor…',
    loadFailed: 'Randevu paneli yüklenemedi. Bağlantıyı denetleyip yeniden açın.',
  },
  en: {
    open: 'Booking by phone',
    close: 'Close appointments',
    loading: 'Loading the booking panel…',
    loadFailed: 'The booking panel could not be loaded. Check the connection and open it again.',
  },
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
  @state() private _panel: 'loading' | 'ready' | 'failed' = 'loading';

  override render() {
    const t = TEXT[this.language];
    return html`<button
        type="button"
        class=${this._open ? 'open' : 'closed'}
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="counter-bookings-panel"
        @click=${this._toggle}
      >
        ${this._open ? t.close : t.open}
      </button>
      ${
        this._open
          ? html`<section id="counter-bookings-panel" aria-label=${t.open}>
              ${this._renderPanel()}
            </section>`
          : nothing
      }`;
  }

  private _renderPanel() {
    const t = TEXT[this.language];
    if (this._panel === 'failed') return html`<p role="alert">${t.loadFailed}</p>`;
    if (this._panel === 'loading') return html`<p role="status">${t.loading}</p>`;
    return html`<staff-booking .hallId=${this.hallId} .language=${this.language}></staff-booking>`;
  }

  private _toggle(): void {
    this._open = !this._open;
    if (!this._open || this._panel === 'ready') return;
    // The panel's code is fetched on the first open: most clerks never take a phone booking, so
    // the counter's first load does not carry it. After a failed fetch the next open tries again.
    this._panel = 'loading';
    import('../../ui/staff-booking.js').then(
      () => (this._panel = 'ready'),
      () => (this._panel = 'failed'),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'counter-bookings': CounterBookings;
  }
}
