import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import QRCode from 'qrcode';

/** A QR code of `text`, drawn in the browser (as the kiosk draws its ticket's QR). */
@customElement('booking-qr')
export class BookingQr extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      line-height: 0;
    }
    img,
    .placeholder {
      width: var(--booking-qr-size, 180px);
      height: var(--booking-qr-size, 180px);
      background: #ffffff;
    }
    img {
      image-rendering: pixelated;
    }
  `;

  @state() private _src: string | null = null;

  @property() text = '';
  /** Describes the code for screen readers. */
  @property() alt = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('text')) return;
    this._src = null;
    const text = this.text;
    if (!text) return;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 360 })
      .then((src) => {
        if (this.text === text) this._src = src;
      })
      .catch(() => {
        this._src = null;
      });
  }

  override render() {
    return this._src
      ? html`<img src=${this._src} alt=${this.alt} />`
      : html`<div class="placeholder" role="img" aria-label=${this.alt}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-qr': BookingQr;
  }
}
